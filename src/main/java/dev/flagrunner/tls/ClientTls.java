package dev.flagrunner.tls;

import static dev.flagrunner.net.Sockets.closeQuietly;

import dev.flagrunner.net.HostPort;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of TLS: one trust mode and the protocol versions to offer, applied to connected
 * sockets. Immutable and thread-safe; the {@link SSLContext} behind it is built once per trust mode and
 * shared, so creating a {@code ClientTls} per connection costs nothing.
 *
 * <p>The caller connects the TCP socket itself (so connect failures stay apart from TLS failures) and
 * hands it to {@link #handshake}.
 */
public final class ClientTls {

    /** Offered when a target lists no versions. */
    public static final List<String> DEFAULT_PROTOCOLS = TlsProtocols.DEFAULT;

    private static final Logger log = LoggerFactory.getLogger(ClientTls.class);
    /** Targets warned about, once each per JVM (tests clear it: a port handed out again would go unwarned). */
    static final Set<String> WARNED_INSECURE = ConcurrentHashMap.newKeySet();

    private final TrustMode trust;
    private final List<String> protocols;
    private final SSLContext context;

    private ClientTls(TrustMode trust, List<String> protocols, SSLContext context) {
        this.trust = trust;
        this.protocols = protocols;
        this.context = context;
    }

    /** With {@link #DEFAULT_PROTOCOLS}. */
    public static ClientTls create(TrustMode trust) {
        return create(trust, List.of());
    }

    /**
     * @param protocols versions to offer, e.g. {@code ["TLSv1"]} for an old server; empty for the defaults
     * @throws TlsConfigurationException for a version this JDK does not support, or disables through
     *     {@code jdk.tls.disabledAlgorithms} (TLSv1 and TLSv1.1 by default): the message names the property
     */
    public static ClientTls create(TrustMode trust, List<String> protocols) {
        SSLContext context = ClientContexts.forMode(Objects.requireNonNull(trust, "trust"));
        return new ClientTls(trust, TlsProtocols.check(protocols, context), context);
    }

    /**
     * Checks a configuration without keeping a client: the trust mode's context builds and the protocols are
     * ones this JDK offers; the same exceptions as {@link #create(TrustMode, List)}. The context is cached, so a
     * session that later creates its client reuses it.
     */
    public static void check(TrustMode trust, List<String> protocols) {
        TlsProtocols.check(protocols, ClientContexts.forMode(Objects.requireNonNull(trust, "trust")));
    }

    public TrustMode trust() {
        return trust;
    }

    public List<String> protocols() {
        return protocols;
    }

    SSLContext sslContext() {
        return context;
    }

    /**
     * Runs a TLS handshake over a connected socket and returns the TLS socket to talk through.
     *
     * <p>Sets SNI (for host names, not IP literals) and, except in insecure mode, endpoint identification
     * ({@code HTTPS} rules: the name or IP must be in the certificate's subject alternative names). The
     * handshake starts at once; {@code timeout} bounds each wait for the server during it, after which
     * the socket's previous read timeout is restored. In insecure mode a WARN is logged the first time a
     * target is used in this process.
     *
     * @param connected a connected socket; closing the returned socket closes it. On failure it is closed.
     * @param host the name the client meant to reach (verified against the certificate), without brackets
     * @param port the port, for messages and session resumption
     * @param timeout positive
     * @throws TlsHandshakeException with the JDK's reason in plain words
     */
    public SSLSocket handshake(Socket connected, String host, int port, Duration timeout) throws TlsHandshakeException {
        Objects.requireNonNull(connected, "connected");
        Objects.requireNonNull(host, "host");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the handshake timeout must be positive, not " + timeout);
        }
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        if (trust instanceof TrustMode.Insecure) {
            warnInsecure(host, port);
        }
        SSLSocket socket = null;
        try {
            int previousTimeout = connected.getSoTimeout();
            socket = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
            socket.setSSLParameters(parameters(socket.getSSLParameters(), host));
            socket.setSoTimeout(timeoutMillis);
            socket.startHandshake();
            socket.setSoTimeout(previousTimeout);
            return socket;
        } catch (IOException e) {
            closeQuietly(connected);
            closeQuietly(socket);
            throw new TlsHandshakeException(
                    host, port, HandshakeFailures.reason(e, timeoutMillis, protocols), trust.describe(), e);
        }
    }

    private SSLParameters parameters(SSLParameters parameters, String host) {
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setEndpointIdentificationAlgorithm(trust instanceof TrustMode.Insecure ? null : "HTTPS");
        if (!IPAddress.isValid(host)) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException notAnSniName) {
                // e.g. a name with '_' or a trailing dot: connect without SNI, as the JDK itself would
            }
        }
        return parameters;
    }

    private static void warnInsecure(String host, int port) {
        String target = HostPort.format(host, port);
        if (WARNED_INSECURE.add(target)) {
            log.warn(
                    "TLS certificate verification is DISABLED for {} (trust: insecure): any certificate is"
                            + " accepted, so anyone on the network path can read and change this connection."
                            + " Pin the server's certificate instead (docs/tls.md).",
                    target);
        }
    }
}
