package dev.flagrunner.cli;

import dev.flagrunner.tls.ServerCertificate;
import java.nio.file.Path;

/** The certificate of the server command: generated and self-signed, or a PEM key and certificate chain. */
final class ServerTlsSetup {

    private ServerTlsSetup() {}

    /**
     * @param certPath the certificate chain, or null for a generated self-signed certificate
     * @param keyPath  its private key; null exactly when {@code certPath} is
     * @throws dev.flagrunner.tls.TlsConfigurationException for files that are missing, unreadable or do not match
     */
    static ServerCertificate certificate(String certPath, String keyPath) {
        return certPath == null
                ? ServerCertificate.selfSigned()
                : ServerCertificate.load(Path.of(keyPath), Path.of(certPath));
    }
}
