package dev.flagrunner.session;

import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SocketOpener;
import org.springframework.stereotype.Component;

/** Chooses how a session connects to its target: plain TCP, or TLS with the target's trust mode. */
@Component
class SocketOpeners {

    SocketOpener forTarget(ResolvedTarget target) {
        if (!target.tls()) {
            return SocketOpener.plain();
        }
        return (host, port, connectTimeout, readTimeout) -> {
            throw new SessionFailure(FailureReason.TLS_HANDSHAKE_FAILED, "TLS is not supported by this build yet");
        };
    }
}
