package dev.flagrunner.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flagrunner.security.*} (a part of {@link FlagrunnerProperties}): who may call the API (README, section
 * Security). Tokens are configured by
 * the hex SHA-256 of their text, so the configuration holds no secret.
 *
 * @param enabled              false is open mode: every caller has every role; allowed only on a loopback
 *                             {@code server.address}
 * @param tokens               the tokens by name; none configured means one generated token in {@code tokenFile}
 * @param tokenFile            where the generated token is kept (mode 0600), reused on later starts
 * @param maxSessionsPerToken  sessions one token may have running at once; unset: a quarter of
 *                             {@code flagrunner.session.max-concurrent} (at least 1)
 */
public record FlagrunnerSecurityProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull Map<String, Token> tokens,
        @DefaultValue("flagrunner-token") @NotNull Path tokenFile,
        @Min(1) Integer maxSessionsPerToken) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    public FlagrunnerSecurityProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
        for (Map.Entry<String, Token> token : tokens.entrySet()) {
            String key = "flagrunner.security.tokens." + token.getKey();
            if (!NAME.matcher(token.getKey()).matches()) {
                throw new IllegalArgumentException(
                        key + ": a token's name is 1 to 64 letters, digits, '_', '.' or '-'");
            }
            if (token.getValue().sha256() == null
                    || !SHA256.matcher(token.getValue().sha256()).matches()) {
                throw new IllegalArgumentException(key + ".sha256 must be the 64 hex digits of the token's SHA-256"
                        + " (printf %s \"$TOKEN\" | sha256sum), not the token itself");
            }
            if (token.getValue().roles().isEmpty()) {
                throw new IllegalArgumentException(key + ".roles is empty: give it one or more of run, read, metrics");
            }
            token.getValue().roles().forEach(role -> Role.parse(role, key + ".roles"));
        }
        long sameHash = tokens.values().stream()
                .map(t -> t.sha256().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .count();
        if (sameHash < tokens.size()) {
            throw new IllegalArgumentException(
                    "flagrunner.security.tokens: two tokens have the same sha256; give each" + " caller its own token");
        }
    }

    /** A configured token: its SHA-256 in hex and its roles. */
    public record Token(String sha256, @NotNull List<String> roles) {
        public Token {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public Set<Role> parsedRoles() {
            return roles.stream()
                    .map(r -> Role.parse(r, "flagrunner.security.tokens.*.roles"))
                    .collect(Collectors.toSet());
        }
    }
}
