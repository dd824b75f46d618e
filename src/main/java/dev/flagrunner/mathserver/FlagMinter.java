package dev.flagrunner.mathserver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Flag = lower-case hex HMAC-SHA256(secret, transport + " " + classId + " " + studentId): stable for the
 * life of the secret, different over plain and TLS (docs/protocol.md §8.5).
 */
public final class FlagMinter {

    /** 256 bits: HMAC-SHA256's own strength; a longer key adds nothing. */
    private static final int RANDOM_SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public FlagMinter(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the flag secret must not be empty");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A fresh random secret, for a server given none: its flags then last as long as the process. */
    public static byte[] randomSecret() {
        byte[] secret = new byte[RANDOM_SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public String flag(boolean tls, String classId, String studentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(
                    ((tls ? "tls" : "plain") + " " + classId + " " + studentId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
