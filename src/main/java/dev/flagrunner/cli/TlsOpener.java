package dev.flagrunner.cli;

import dev.flagrunner.protocol.SocketOpener;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.TrustMode;

/** TLS connections for the client command: {@code system} trust, a PEM file ({@code --trust}) or {@code --insecure}. */
final class TlsOpener {

    private TlsOpener() {}

    /** @throws dev.flagrunner.tls.TlsConfigurationException for an unreadable trust file (a usage error) */
    static SocketOpener forClient(String trust) {
        return SocketOpener.tls(ClientTls.create(TrustMode.parse(trust)));
    }
}
