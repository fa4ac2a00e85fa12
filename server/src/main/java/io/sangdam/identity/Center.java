package io.sangdam.identity;

import java.time.ZoneId;

public record Center(long id, String code, String name, CenterKind kind, ZoneId timeZone) {

    public boolean isHeadquarters() {
        return kind == CenterKind.HQ;
    }
}
