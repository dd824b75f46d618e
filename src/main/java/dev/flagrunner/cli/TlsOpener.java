package dev.flagrunner.cli;

import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SocketOpener;

/** TLS connections for the client command. */
final class TlsOpener {

    private TlsOpener() {}

    static SocketOpener forClient(String trust) {
        return (host, port, connectTimeout, readTimeout) -> {
            throw new SessionFailure(FailureReason.TLS_HANDSHAKE_FAILED, "TLS is not supported by this build yet");
        };
    }
}
