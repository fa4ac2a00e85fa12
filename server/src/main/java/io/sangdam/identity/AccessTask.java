package io.sangdam.identity;

/** What was done with personal data. Everything beyond viewing masked data needs a reason. */
public enum AccessTask {
    VIEW,
    UNMASK,
    DOWNLOAD,
    EXPORT,
    PRINT,
    /** A customer's answer (date of birth, a one-time code) checked against their record; the result is the reason. */
    VERIFY;

    public boolean needsReason() {
        return this != VIEW;
    }

    public String messageKey() {
        return "access-task." + name();
    }
}
