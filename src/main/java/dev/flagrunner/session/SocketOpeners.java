package dev.flagrunner.session;

import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.net.UnconnectedSockets;
import dev.flagrunner.protocol.SocketOpener;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.TrustMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Chooses how a session connects to its target: plain TCP, or TLS with the target's trust mode. The
 * embedded server's own certificate is pinned in-process: the service never needs {@code insecure} for it. A
 * session to one of the embedded listeners connects from a socket the embedded server knows as the service's own
 * ({@code mathserver/OwnConnections}), so it takes a reserved slot that outside connections cannot fill.
 */
@Component
class SocketOpeners {

    private final EmbeddedMathServer embedded;
    /** Trust modes by their configured text: a PEM file is read once, not per session. */
    private final Map<String, TrustMode> trustModes = new ConcurrentHashMap<>();

    SocketOpeners(EmbeddedMathServer embedded) {
        this.embedded = embedded;
    }

    SocketOpener forTarget(ResolvedTarget target) {
        UnconnectedSockets sockets =
                isEmbeddedListener(target) ? embedded.ownConnections().sockets() : UnconnectedSockets.FRESH;
        if (!target.tls()) {
            return SocketOpener.plain(sockets);
        }
        TrustMode trust = target.trust() instanceof TargetTrust.Setting setting
                ? trustModes.computeIfAbsent(setting.text(), TrustMode::parse)
                : embedded.tlsCertificate().orElseThrow().trustMode();
        return SocketOpener.tls(ClientTls.create(trust, target.protocols()), sockets);
    }

    /** True when the target's host and port are one of the embedded listeners' (by address, as they listen). */
    private boolean isEmbeddedListener(ResolvedTarget target) {
        return embedded.listeners().stream()
                .anyMatch(l -> l.port() == target.port() && l.host().equals(target.host()));
    }
}
