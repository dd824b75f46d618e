package dev.flagrunner.cli;

import dev.flagrunner.tls.ServerCertificate;
import dev.flagrunner.tls.TlsConfigurationException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** The TLS context of the server command: a generated self-signed certificate, or a PEM key and certificate. */
final class ServerTlsSetup {

    private ServerTlsSetup() {}

    static SSLContext context(String certPath, String keyPath) throws Args.UsageException {
        if ((certPath == null) != (keyPath == null)) {
            throw new Args.UsageException("--cert and --key go together");
        }
        try {
            ServerCertificate certificate = certPath == null
                    ? ServerCertificate.selfSigned()
                    : ServerCertificate.load(Path.of(keyPath), Path.of(certPath));
            return certificate.sslContext();
        } catch (TlsConfigurationException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }
}
