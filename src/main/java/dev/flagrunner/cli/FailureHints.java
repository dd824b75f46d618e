package dev.flagrunner.cli;

import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import java.util.Optional;

/**
 * The next step after a failed {@code client} run, where the failure has a usual cause that an option fixes: a
 * certificate the trust mode does not accept, and a port where nothing listens. The session's own detail says
 * what happened; the hint, a second line on stderr, says which option changes it.
 */
final class FailureHints {

    static final String UNTRUSTED = "hint: the server's certificate is not trusted. Pin it with --trust FILE (a PEM"
            + " file: 'flagrunner server --write-cert FILE' writes the reference server's; docs/tls.md shows how to"
            + " fetch a real server's), or accept any certificate with --insecure (no verification: last resort)";

    private FailureHints() {}

    /**
     * The hint for this failure, if there is one.
     *
     * @param dialectPort the port the dialect uses by default for this transport, to tell a user who gave none
     */
    static Optional<String> of(SessionFailure failure, boolean tls, boolean portGiven, int dialectPort) {
        String detail = failure.detail();
        if (failure.reason() == FailureReason.TLS_HANDSHAKE_FAILED
                && (detail.contains("PKIX path building failed") || detail.contains("is not the certificate pinned"))) {
            return Optional.of(UNTRUSTED);
        }
        if (failure.reason() == FailureReason.CONNECT_FAILED && detail.endsWith("Connection refused")) {
            return Optional.of("hint: nothing accepts connections on that port: is the server running, and is that its"
                    + (portGiven
                            ? " " + (tls ? "TLS" : "plain") + " port?"
                            : " port? No -p was given, so the dialect's default " + (tls ? "TLS" : "plain") + " port "
                                    + dialectPort + " was used"));
        }
        return Optional.empty();
    }
}
