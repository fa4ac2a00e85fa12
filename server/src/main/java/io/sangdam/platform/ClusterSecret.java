package io.sangdam.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What one server node shows another's internal endpoints ({@code /internal/**}): a random secret
 * the first node made and stored in the shared database, so every node of that database knows it
 * and nothing else does. Browsers and API clients never hold it.
 */
@Component
public class ClusterSecret {

    /** The request header that carries it. */
    public static final String HEADER = "X-Sangdam-Cluster-Secret";

    private final byte[] secret;

    ClusterSecret(JdbcClient jdbc) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // Two nodes starting together: the first insert wins and both read the same row.
        jdbc.sql("insert into platform.cluster_secret (id, secret) values (1, ?) on conflict (id) do nothing")
                .param(Base64.getUrlEncoder().withoutPadding().encodeToString(random))
                .update();
        this.secret = jdbc.sql("select secret from platform.cluster_secret where id = 1")
                .query(String.class)
                .single()
                .getBytes(StandardCharsets.US_ASCII);
    }

    public String value() {
        return new String(secret, StandardCharsets.US_ASCII);
    }

    /** Compared in constant time, so the answer's timing tells nothing of the secret. */
    public boolean matches(@Nullable String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
