package dev.flagrunner.security;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.config.FlagrunnerSecurityProperties;
import dev.flagrunner.config.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tokens the service accepts, each as the SHA-256 of its text and the {@link Caller} it stands for: the
 * configured ones, or else the generated one of {@link TokenFile}. A presented token is hashed and compared with
 * every known hash in constant time, so neither the comparison nor the number of comparisons tells how close
 * a guess came. No token text is kept, logged or shown.
 */
@Component
public class TokenRegistry {

    private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);

    private record Known(byte[] sha256, Caller caller) {}

    private final List<Known> known = new ArrayList<>();

    TokenRegistry(FlagrunnerProperties all) {
        FlagrunnerSecurityProperties properties = all.security();
        if (!properties.enabled()) {
            log.warn("open mode (flagrunner.security.enabled=false): every caller of the API has every role");
            return;
        }
        if (properties.tokens().isEmpty()) {
            TokenFile file = TokenFile.createOrReuse(properties.tokenFile());
            known.add(new Known(sha256(file.token()), Caller.everyRole(Caller.GENERATED)));
            log.info(
                    "authentication: no token in flagrunner.security.tokens; the {} token with every role is in {}",
                    file.created() ? "generated" : "reused",
                    file.path());
        } else {
            properties
                    .tokens()
                    .forEach((name, token) -> known.add(
                            new Known(HexFormat.of().parseHex(token.sha256()), new Caller(name, token.parsedRoles()))));
            log.info(
                    "authentication: {} token(s) configured: {}",
                    known.size(),
                    known.stream()
                            .map(k -> k.caller().name() + " " + k.caller().roles())
                            .sorted()
                            .toList());
            warnOfUnreadTokenFile(properties.tokenFile());
        }
    }

    /**
     * A token file left from a start without tokens: scripts and Prometheus may still send its token, which
     * is now refused. Said at every start while the file is there, naming it, so a 401 has an explanation.
     */
    private static void warnOfUnreadTokenFile(Path tokenFile) {
        Path path = tokenFile.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            log.warn(
                    "authentication: flagrunner.security.tokens are configured, so the generated token file {} is no"
                            + " longer read and its token is refused (401); nothing deletes it. Delete it, or keep"
                            + " its token by configuring its SHA-256 as one of flagrunner.security.tokens"
                            + " (README, section Security)",
                    path);
        }
    }

    /** The caller whose token this is; every known token is compared, in constant time, whatever matches. */
    Optional<Caller> authenticate(String token) {
        byte[] presented = sha256(token);
        Caller match = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(k.sha256(), presented)) {
                match = k.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    /**
     * How many callers may start sessions and so own flags (at least 1): each gets an equal share of
     * {@code flagrunner.flags.capacity}.
     */
    public int owners() {
        return (int) Math.max(
                1, known.stream().filter(k -> k.caller().has(Role.RUN)).count());
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
