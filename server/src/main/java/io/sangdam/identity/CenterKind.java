package io.sangdam.identity;

/** Headquarters (원청) or a partner center (협력사 센터), which is often an outsourced company. */
public enum CenterKind {
    HQ,
    PARTNER;

    public String messageKey() {
        return "center.kind." + name();
    }
}
