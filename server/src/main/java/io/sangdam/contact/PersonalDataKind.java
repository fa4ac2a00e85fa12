package io.sangdam.contact;

/** The kinds of personal data the text masker finds. */
public enum PersonalDataKind {
    /** 주민등록번호, resident registration number. */
    RRN,
    /** 외국인등록번호, foreigner registration number. */
    FOREIGNER_NUMBER,
    /** Payment card number (Luhn-valid). */
    CARD,
    /** Bank account number. */
    ACCOUNT,
    PHONE,
    EMAIL,
    /** 여권번호, passport number, recognised after the word 여권 or passport. */
    PASSPORT
}
