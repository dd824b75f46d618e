package dev.flagrunner.tls;

import dev.flagrunner.net.HostPort;
import java.io.IOException;

/**
 * A TLS handshake that did not complete: the server's certificate is not trusted, its name does not
 * match, no protocol version is common, the handshake timed out, or the peer does not speak TLS. The
 * message reads {@code TLS handshake with HOST:PORT failed: REASON (trust: MODE)}, where REASON is the
 * JDK's own root cause in plain words (no class names); the JDK's exception is kept as the cause.
 * The session layer reports it as {@code TLS_HANDSHAKE_FAILED}.
 */
public final class TlsHandshakeException extends IOException {

    private final String host;
    private final int port;
    private final String reason;

    TlsHandshakeException(String host, int port, String reason, String trust, Throwable cause) {
        super(
                "TLS handshake with " + HostPort.format(host, port) + " failed: " + reason + " (trust: " + trust + ")",
                cause);
        this.host = host;
        this.port = port;
        this.reason = reason;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The plain-words reason alone, without the target and trust mode. */
    public String reason() {
        return reason;
    }
}
