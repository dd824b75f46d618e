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
        Optional<Set<String>> knownStudents) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

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
                knownStudents);
    }

    public String transport() {
        return tls.isPresent() ? "tls" : "plain";
    }
}
