package dev.flagrunner.tls;

import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * Run in a child JVM by {@link ProtocolVersionsTest}: a TLSv1-only server and a client that asks for
 * TLSv1, to show that the documented {@code -Djava.security.properties} override re-enables it.
 * Prints the negotiated protocol, or the error, on stdout.
 */
public final class LegacyTlsProbe {

    public static void main(String[] args) throws Exception {
        ServerCertificate identity = ServerCertificate.selfSigned();
        try (TlsEchoServer server = TlsEchoServer.start(identity, "TLSv1")) {
            ClientTls tls = ClientTls.create(identity.trustMode(), List.of("TLSv1"));
            try (SSLSocket socket =
                    tls.handshake(Tls.connect(server.port()), "127.0.0.1", server.port(), Tls.TIMEOUT)) {
                System.out.println("negotiated " + socket.getSession().getProtocol());
            }
        } catch (RuntimeException | java.io.IOException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
