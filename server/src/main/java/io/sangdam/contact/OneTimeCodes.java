package io.sangdam.contact;

import io.sangdam.platform.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time codes for verifying a contact's customer: six digits, valid a few minutes, usable once,
 * at most a few sent per contact. Only a hash salted with the contact id is stored. Guessing is
 * bounded by the caller's attempts per contact (three wrong answers in a million).
 */
@Repository
class OneTimeCodes {

    static final Duration VALID = Duration.ofMinutes(5);
    static final int MAXIMUM_SENDS = 3;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new code for the contact (replacing one sent before), to send to the customer.
     *
     * @throws RequestRejected {@code verification-codes-exhausted} after {@link #MAXIMUM_SENDS} codes
     */
    String issue(String contactId, long customerId, Instant now) {
        int sent = jdbc.sql("select sends from contact.verification_code where contact_id = ? for update")
                .param(contactId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (sent >= MAXIMUM_SENDS) {
            throw RequestRejected.conflict("verification-codes-exhausted", MAXIMUM_SENDS);
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("""
            insert into contact.verification_code (contact_id, customer_id, code_hash, expires_at, sends) values (?, ?, ?, ?, 1)
            on conflict (contact_id) do update set customer_id = excluded.customer_id, code_hash = excluded.code_hash,
                expires_at = excluded.expires_at, sends = verification_code.sends + 1\
            """)
                .params(contactId, customerId, hash(contactId, code), Timestamp.from(now.plus(VALID)))
                .update();
        return code;
    }

    /** Whether the code is the live one sent for this contact and customer; a matching code is spent. */
    CustomerDirectory.Verification check(String contactId, long customerId, String code, Instant now) {
        var stored = jdbc.sql("""
            select code_hash from contact.verification_code where contact_id = ? and customer_id = ? and expires_at > ?\
            """)
                .params(contactId, customerId, Timestamp.from(now))
                .query(String.class)
                .optional();
        if (stored.isEmpty()) {
            return CustomerDirectory.Verification.NOTHING_ON_RECORD;
        }
        if (!MessageDigest.isEqual(
                stored.get().getBytes(StandardCharsets.US_ASCII),
                hash(contactId, code).getBytes(StandardCharsets.US_ASCII))) {
            return CustomerDirectory.Verification.NOT_MATCHED;
        }
        jdbc.sql("update contact.verification_code set expires_at = ? where contact_id = ?")
                .params(Timestamp.from(now), contactId)
                .update();
        return CustomerDirectory.Verification.MATCHED;
    }

    private static String hash(String contactId, String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((contactId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
