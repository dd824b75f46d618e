package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.Dialect;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * One listener of the reference math server.
 *
 * @param port          0 for an ephemeral port
 * @param tls           present for a TLS listener (its flags differ from the plain listener's)
 * @param seed          present for a reproducible question sequence (the same for every connection)
 * @param idleTimeout   how long the server waits for a client message before it closes
 * @param sessionDeadline how long a whole connection may last, however promptly its client answers
 * @param knownStudents present to answer unknown ids with {@code Unknown_Husky_ID}; empty = everyone is known
 */
public record ServerOptions(
        Dialect dialect,
        String classId,
        InetAddress bindAddress,
        int port,
        Optional<SSLContext> tls,
        int minQuestions,
        int maxQuestions,
        FlagMinter flags,
        Faults faults,
        OptionalLong seed,
        Duration idleTimeout,
        Duration sessionDeadline,
        Optional<Set<String>> knownStudents) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Ten minutes: a thousand questions take well under a second on loopback and under two minutes at 100 ms a
     * round trip, while a client that answers just inside the idle timeout no longer keeps its slot for hours.
     */
    public static final Duration DEFAULT_SESSION_DEADLINE = Duration.ofMinutes(10);

    public ServerOptions {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(classId, "classId");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        if (minQuestions < 1 || maxQuestions < minQuestions) {
            throw new IllegalArgumentException(
                    "questions must be 1 <= min <= max, not " + minQuestions + ".." + maxQuestions);
        }
        faults.checkApplicableTo(dialect);
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(sessionDeadline, "session deadline");
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive: " + d);
        }
    }

    /**
     * Options that start as a loopback, plain, fault-free listener on an ephemeral port with the dialect's own class
     * string (the defaults of the embedded server), asking {@code minQuestions} to {@code maxQuestions} questions.
     */
    public static Builder builder(Dialect dialect, FlagMinter flags, int minQuestions, int maxQuestions) {
        return new Builder(dialect, flags, minQuestions, maxQuestions);
    }

    /** A builder that starts from these options (to add TLS to a plain listener's, say). */
    public Builder toBuilder() {
        Builder b = new Builder(dialect, flags, minQuestions, maxQuestions);
        b.classId = classId;
        b.bindAddress = bindAddress;
        b.port = port;
        b.tls = tls;
        b.faults = faults;
        b.seed = seed;
        b.idleTimeout = idleTimeout;
        b.sessionDeadline = sessionDeadline;
        b.knownStudents = knownStudents;
        return b;
    }

    /** Builds {@link ServerOptions}; {@link #build()} checks them as the record does. */
    public static final class Builder {

        private final Dialect dialect;
        private final FlagMinter flags;
        private final int minQuestions;
        private final int maxQuestions;
        private String classId;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private Optional<SSLContext> tls = Optional.empty();
        private Faults faults = Faults.NONE;
        private OptionalLong seed = OptionalLong.empty();
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration sessionDeadline = DEFAULT_SESSION_DEADLINE;
        private Optional<Set<String>> knownStudents = Optional.empty();

        private Builder(Dialect dialect, FlagMinter flags, int minQuestions, int maxQuestions) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            this.flags = flags;
            this.minQuestions = minQuestions;
            this.maxQuestions = maxQuestions;
            this.classId = dialect.defaultClassId();
        }

        public Builder classId(String classId) {
            this.classId = classId;
            return this;
        }

        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** 0 for an ephemeral port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A TLS listener with this context. */
        public Builder tls(SSLContext context) {
            this.tls = Optional.of(context);
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        /** A reproducible question sequence. */
        public Builder seed(long seed) {
            this.seed = OptionalLong.of(seed);
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder sessionDeadline(Duration sessionDeadline) {
            this.sessionDeadline = sessionDeadline;
            return this;
        }

        /** Only these ids are known; any other is answered {@code Unknown_Husky_ID}. */
        public Builder knownStudents(Set<String> ids) {
            this.knownStudents = Optional.of(Set.copyOf(ids));
            return this;
        }

        public ServerOptions build() {
            return new ServerOptions(
                    dialect,
                    classId,
                    bindAddress,
                    port,
                    tls,
                    minQuestions,
                    maxQuestions,
                    flags,
                    faults,
                    seed,
                    idleTimeout,
                    sessionDeadline,
                    knownStudents);
        }
    }

    public String transport() {
        return tls.isPresent() ? "tls" : "plain";
    }
}
