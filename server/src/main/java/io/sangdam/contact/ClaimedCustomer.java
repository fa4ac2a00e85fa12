package io.sangdam.contact;

/**
 * The customer a contact claims to be, before anyone verified it: masked name and phone only. No
 * customer number, grade or history: a typed number must not tell anyone more about its owner.
 */
public record ClaimedCustomer(long id, String name, String mobilePhone) {}
