package io.sangdam.identity;

/** What was done with personal data. Everything beyond viewing masked data needs a reason. */
public enum AccessTask {
    VIEW,
    UNMASK,
    DOWNLOAD,
    EXPORT,
    PRINT;

    public boolean needsReason() {
        return this != VIEW;
    }

    public String messageKey() {
        return "access-task." + name();
    }
}
