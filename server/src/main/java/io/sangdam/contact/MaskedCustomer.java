package io.sangdam.contact;

/** A customer as screens and APIs show them by default: every personal field masked. */
public record MaskedCustomer(
        long id,
        String customerNumber,
        String name,
        String mobilePhone,
        String email,
        String birthDate,
        CustomerGrade grade,
        boolean senior,
        boolean accessibility) {}
