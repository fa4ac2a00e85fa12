package io.sangdam.contact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A customer in the clear, only after a logged unmasking with a reason. */
public record UnmaskedCustomer(
        long id,
        String customerNumber,
        String name,
        @Nullable String mobilePhone,
        @Nullable String email,
        @Nullable LocalDate birthDate,
        CustomerGrade grade,
        boolean senior,
        boolean accessibility) {}
