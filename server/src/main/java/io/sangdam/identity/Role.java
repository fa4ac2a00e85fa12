package io.sangdam.identity;

/**
 * What a user does in Sangdam. Headquarters roles see every center wherever they sit; the others
 * only their own center (or all of them when that center is headquarters).
 */
public enum Role {
    AGENT(false),
    SUPERVISOR(false),
    QA_EVALUATOR(false),
    WFM_PLANNER(false),
    CENTER_MANAGER(false),
    PROTECTION_TEAM(true),
    EXECUTIVE(true),
    ADMINISTRATOR(true);

    private final boolean seesAllCenters;

    Role(boolean seesAllCenters) {
        this.seesAllCenters = seesAllCenters;
    }

    public boolean seesAllCenters() {
        return seesAllCenters;
    }

    /** The Spring Security authority, e.g. {@code ROLE_AGENT}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's name, e.g. {@code role.AGENT}. */
    public String messageKey() {
        return "role." + name();
    }
}
