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

    /** A loopback, plain, fault-free listener on an ephemeral port: the defaults of the embedded server. */
    public static ServerOptions loopback(Dialect dialect, FlagMinter flags, int minQuestions, int maxQuestions) {
        return new ServerOptions(
                dialect,
                dialect.defaultClassId(),
                InetAddress.getLoopbackAddress(),
                0,
                Optional.empty(),
                minQuestions,
                maxQuestions,
                flags,
                Faults.NONE,
                OptionalLong.empty(),
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_SESSION_DEADLINE,
                Optional.empty());
    }

    public ServerOptions withTls(SSLContext context) {
        return new ServerOptions(
                dialect,
                classId,
                bindAddress,
                port,
                Optional.of(context),
                minQuestions,
                maxQuestions,
                flags,
                faults,
                seed,
                idleTimeout,
                sessionDeadline,
                knownStudents);
    }

    public ServerOptions withFaults(Faults newFaults) {
        return new ServerOptions(
                dialect,
                classId,
                bindAddress,
                port,
                tls,
                minQuestions,
                maxQuestions,
                flags,
                newFaults,
                seed,
                idleTimeout,
                sessionDeadline,
                knownStudents);
    }

    public ServerOptions withSeed(long newSeed) {
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
                OptionalLong.of(newSeed),
                idleTimeout,
                sessionDeadline,
                knownStudents);
    }

    public ServerOptions withKnownStudents(Set<String> ids) {
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
                Optional.of(Set.copyOf(ids)));
    }

    public ServerOptions withIdleTimeout(Duration newIdleTimeout) {
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
                newIdleTimeout,
                sessionDeadline,
                knownStudents);
    }

    public ServerOptions withSessionDeadline(Duration newDeadline) {
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
                newDeadline,
                knownStudents);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(
                dialect,
                classId,
                bindAddress,
                newPort,
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

    public String transport() {
        return tls.isPresent() ? "tls" : "plain";
    }
}
