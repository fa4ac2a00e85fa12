package io.sangdam.contact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A customer with personal data in the clear; never handed out of this module unmasked unlogged. */
record Customer(
        long id,
        String customerNumber,
        String name,
        @Nullable String mobilePhone,
        @Nullable String email,
        @Nullable LocalDate birthDate,
        CustomerGrade grade,
        boolean senior,
        boolean accessibility) {

    MaskedCustomer masked() {
        return new MaskedCustomer(
                id,
                customerNumber,
                Masking.name(name),
                Masking.phone(mobilePhone),
                Masking.email(email),
                Masking.birthDate(birthDate),
                grade,
                senior,
                accessibility);
    }

    UnmaskedCustomer unmasked() {
        return new UnmaskedCustomer(
                id, customerNumber, name, mobilePhone, email, birthDate, grade, senior, accessibility);
    }
}
