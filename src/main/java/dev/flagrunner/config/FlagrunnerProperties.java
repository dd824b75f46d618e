package dev.flagrunner.config;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.SessionSpec;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.TrustMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code flagrunner.*} key (docs/architecture.md §6.4) with its default, so the packaged jar runs without an
 * {@code application.yml}. Unknown keys fail the start, so a typo is never silently ignored.
 *
 * @param allowedHosts the key {@code allowedEndpoints} replaced, bound only so that an old file fails the start
 *                     naming the replacement (it must be null)
 * @param security     {@code flagrunner.security.*}: tokens, roles, open mode and the per-token cap
 */
@Validated
@ConfigurationProperties(prefix = "flagrunner", ignoreUnknownFields = false)
public record FlagrunnerProperties(
        @DefaultValue("embedded") @NotBlank String defaultTarget,
        @NotNull Map<String, @Valid Target> targets,
        @NotNull List<@NotBlank String> allowedEndpoints,
        @DefaultValue @Valid Session session,
        @DefaultValue @Valid Flags flags,
        @DefaultValue @Valid Store store,
        @DefaultValue @Valid EmbeddedServer embeddedServer,
        @DefaultValue @Valid Health health,
        List<String> allowedHosts,
        @DefaultValue @Valid FlagrunnerSecurityProperties security,
        @DefaultValue @Valid Web web) {

    /** The name of the built-in target: the embedded reference server. */
    public static final String EMBEDDED = "embedded";

    public FlagrunnerProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        allowedEndpoints = allowedEndpoints == null ? List.of() : List.copyOf(allowedEndpoints);
        if (allowedHosts != null) {
            // Bound only to fail: the entries of an old file need their ports now, and a list silently dropped
            // would refuse what the operator meant to allow.
            throw new IllegalArgumentException("flagrunner.allowed-hosts was replaced by flagrunner.allowed-endpoints,"
                    + " whose entries name a host and its ports: host:port or host:lo-hi ([::1]:27995 for IPv6);"
                    + " loopback is no longer allowed without an entry");
        }
        for (String reserved : List.of(EMBEDDED, "ad-hoc")) {
            if (targets.containsKey(reserved)) {
                throw new IllegalArgumentException("flagrunner.targets." + reserved + ": the name '" + reserved
                        + "' is reserved (the built-in target and the name of sessions to a host given in a request)");
            }
        }
        if (embeddedServer.enabled() && embeddedServer.questions().max() > session.maxQuestions()) {
            throw new IllegalArgumentException("flagrunner.embedded-server.questions.max ("
                    + embeddedServer.questions().max() + ") is above flagrunner.session.max-questions ("
                    + session.maxQuestions() + "): every longer session against the embedded server would fail");
        }
        if (!defaultTarget.equals(EMBEDDED) && !targets.containsKey(defaultTarget)) {
            throw new IllegalArgumentException("flagrunner.default-target '" + defaultTarget
                    + "' is neither 'embedded' nor one of flagrunner.targets " + targets.keySet());
        }
    }

    /** A named real server. */
    public record Target(
            @NotBlank String host,
            @Min(1) @Max(65535) int port,
            @DefaultValue("false") boolean tls,
            @DefaultValue("status") String dialect,

            @Size(max = 64)
            @Pattern(
                    regexp = Dialect.CLASS_STRING_PATTERN,
                    message = "must look like a class string: letters, then a digit, then letters and digits")
            String classId,

            @DefaultValue("system") @NotBlank String trust,
            @NotNull List<String> tlsProtocols) {

        public Target {
            requireDialect(dialect, "flagrunner.targets.*.dialect");
            tlsProtocols = tlsProtocols == null ? List.of() : List.copyOf(tlsProtocols);
            if (tls) {
                // Fails the start for a missing or unreadable trust file, or a protocol the JDK disabled.
                ClientTls.check(TrustMode.parse(trust), tlsProtocols);
            }
        }
    }

    public record Session(
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration readTimeout,
            @Name("wait") @DefaultValue("30s") @NotNull Duration waitForEnd,
            @DefaultValue("200") @Min(1) @Max(10_000) int maxConcurrent,
            @DefaultValue("1000") @Min(1) @Max(1_000_000) int history,
            @DefaultValue("10s") @NotNull Duration shutdownGrace,
            @DefaultValue("1000000") int maxQuestions,
            @DefaultValue("5m") @NotNull Duration maxDuration,
            @DefaultValue("16MB") @NotNull DataSize maxBytesInFlight) {

        public Session {
            requirePositive(connectTimeout, "flagrunner.session.connect-timeout");
            requirePositive(readTimeout, "flagrunner.session.read-timeout");
            if (maxQuestions < 1) {
                throw new IllegalArgumentException(
                        "flagrunner.session.max-questions must be at least 1, not " + maxQuestions);
            }
            requirePositive(maxDuration, "flagrunner.session.max-duration");
            if (maxDuration.compareTo(SessionSpec.MAX_DURATION_LIMIT) > 0) {
                throw new IllegalArgumentException("flagrunner.session.max-duration must be at most "
                        + SessionSpec.MAX_DURATION_LIMIT + ": " + maxDuration);
            }
            if (maxBytesInFlight.isNegative()) {
                throw new IllegalArgumentException(
                        "flagrunner.session.max-bytes-in-flight must not be negative: " + maxBytesInFlight);
            }
            if (waitForEnd.isNegative()) {
                throw new IllegalArgumentException("flagrunner.session.wait must not be negative: " + waitForEnd);
            }
        }
    }

    public record Flags(
            @DefaultValue("10000") @Min(1) @Max(10_000_000) int capacity) {}

    /**
     * Where flags and ended sessions are kept (README, "Where data lives"): {@code file}, an SQLite database under
     * {@code path} (created owner-only), or {@code memory}, nothing written (tests and throwaway runs).
     */
    public record Store(
            @DefaultValue("file") @NotNull StoreType type,
            @DefaultValue("flagrunner-data") @NotNull Path path) {

        /** The store's kinds; {@code file} is the durable default. */
        public enum StoreType {
            FILE,
            MEMORY
        }

        public boolean durable() {
            return type == StoreType.FILE;
        }
    }

    public record EmbeddedServer(
            @DefaultValue("true") boolean enabled,

            @DefaultValue({"status", "findcount", "eval2021", "eval2022", "cs230", "eece"}) @NotNull
            List<String> dialects,

            @DefaultValue("true") boolean tls,
            @DefaultValue @Valid Questions questions,
            @DefaultValue("") String secret,
            @NotNull List<String> faults,
            Long seed,
            @DefaultValue("1024") @Min(1) @Max(100_000) int maxConnections,
            @DefaultValue("64") @Min(1) @Max(100_000) int maxConnectionsPerAddress,
            @DefaultValue("30s") @NotNull Duration idleTimeout,
            @DefaultValue("10m") @NotNull Duration sessionDeadline) {

        public EmbeddedServer {
            faults = faults == null ? List.of() : List.copyOf(faults);
            dialects = List.copyOf(dialects);
            for (String d : dialects) {
                requireDialect(d, "flagrunner.embedded-server.dialects");
            }
            requirePositive(idleTimeout, "flagrunner.embedded-server.idle-timeout");
            requirePositive(sessionDeadline, "flagrunner.embedded-server.session-deadline");
        }
    }

    public record Questions(
            @DefaultValue("100") @Min(1) int min,
            @DefaultValue("1000") @Min(1) int max) {
        public Questions {
            if (max < min) {
                throw new IllegalArgumentException(
                        "flagrunner.embedded-server.questions: max (" + max + ") is below min (" + min + ")");
            }
        }
    }

    public record Health(@DefaultValue("30s") @NotNull Duration probeInterval) {}

    /** The HTTP edge's own limits (README, Operations); the connection cap and timeouts are server.tomcat.*. */
    public record Web(
            @DefaultValue("10s") @NotNull Duration headDeadline,
            @DefaultValue("10s") @NotNull Duration bodyDeadline,
            @NotNull List<@NotBlank String> allowedHostNames) {

        public Web {
            allowedHostNames = allowedHostNames == null ? List.of() : List.copyOf(allowedHostNames);
            requirePositive(headDeadline, "flagrunner.web.head-deadline");
            requirePositive(bodyDeadline, "flagrunner.web.body-deadline");
        }
    }

    private static void requireDialect(String name, String key) {
        if (Dialects.byName(name).isEmpty()) {
            throw new IllegalArgumentException(key + ": " + Dialects.unknown(name));
        }
    }

    private static void requirePositive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive: " + d);
        }
    }
}
