package dev.flagrunner.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 fingerprints in OpenSSL's form ({@code openssl x509 -noout -fingerprint -sha256}). */
final class Fingerprints {

    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {}

    static String sha256(X509Certificate certificate) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}
