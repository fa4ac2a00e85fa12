package io.sangdam.contact;

public enum CustomerGrade {
    NORMAL,
    VIP,
    VVIP;

    public String messageKey() {
        return "customer.grade." + name();
    }
}
