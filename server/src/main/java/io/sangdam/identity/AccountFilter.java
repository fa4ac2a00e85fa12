package io.sangdam.identity;

import org.jspecify.annotations.Nullable;

record AccountFilter(
        @Nullable Long centerId,
        @Nullable Role role,
        @Nullable String text,
        @Nullable Boolean enabled) {}
