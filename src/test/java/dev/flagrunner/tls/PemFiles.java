package dev.flagrunner.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** A fresh self-signed key and certificate for 127.0.0.1 written as PEM files, for tests outside this package. */
public record PemFiles(Path key, Path certificate) {

    public static PemFiles write(Path dir) throws IOException {
        KeyPair keys = CertificateIssuer.ecKeyPair();
        X509Certificate certificate = CertificateIssuer.selfSignedLeaf(
                keys, "Flagrunner test server", ServerCertificate.LOOPBACK_NAMES, Duration.ofDays(1));
        return new PemFiles(
                Files.writeString(dir.resolve("key.pem"), TestCertificates.privateKeyPem(keys.getPrivate())),
                Files.writeString(dir.resolve("cert.pem"), Pem.encode(certificate)));
    }
}
