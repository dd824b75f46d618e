package dev.flagrunner.tls;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How a client decides whether to trust a server's certificate (a target's {@code trust:}, the client
 * command's {@code --trust} / {@code --insecure}; docs/tls.md).
 *
 * <ul>
 *   <li>{@link System}: the JDK's default trust store ({@code cacerts}); the server's name must match
 *       its certificate. For servers with a publicly trusted certificate.
 *   <li>{@link Certificates}: certificates from a PEM file or text. A <em>single</em> certificate that the
 *       server presents as its own is trusted exactly, by its encoding, and the name is not checked: the
 *       pin is stronger than a name. If that single certificate is a CA ({@code CA:TRUE}), a server
 *       certificate issued by it is trusted too, with the name checked. Several certificates form a CA
 *       bundle: the server's chain must lead to one of them, and the name is checked.
 *   <li>{@link Insecure}: any certificate is accepted (for the old self-signed course servers); the
 *       client logs a WARN once per target.
 * </ul>
 * Values are immutable and compare by content, so they can key caches.
 */
public sealed interface TrustMode permits TrustMode.System, TrustMode.Certificates, TrustMode.Insecure {

    /**
     * Reads a configuration value: {@code system}, {@code insecure}, or the path of a PEM file holding a
     * certificate or a CA bundle (surrounding blanks are ignored; write {@code ./system} for a file of
     * that name). The file is read now.
     *
     * @throws TlsConfigurationException for an empty value, or a file that is missing, unreadable or
     *     holds no PEM certificate; the message names the path
     */
    static TrustMode parse(String value) {
        if (value == null || value.isBlank()) {
            throw new TlsConfigurationException(
                    "the trust setting is empty: expected 'system', 'insecure' or the path of a PEM certificate file");
        }
        String text = value.strip();
        if (text.equals("system")) {
            return system();
        }
        if (text.equals("insecure")) {
            return insecure();
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new TlsConfigurationException(
                    "the trust setting '" + text + "' is neither 'system', 'insecure' nor a valid file path: "
                            + e.getMessage(),
                    e);
        }
        return pem(path);
    }

    static TrustMode system() {
        return new System();
    }

    static TrustMode insecure() {
        return new Insecure();
    }

    /** The certificates of a PEM file, read now; see {@link Certificates} for how they are used. */
    static Certificates pem(Path file) {
        return new Certificates(file.toString(), Pem.readCertificates(file));
    }

    /** The certificates of PEM text; {@code source} names it in messages. */
    static Certificates pem(String pemText, String source) {
        return new Certificates(source, Pem.parseCertificates(pemText, source));
    }

    /** Trust exactly this certificate, in-process (e.g. the embedded server's own). */
    static Certificates pinned(X509Certificate certificate) {
        return new Certificates(certificate.getSubjectX500Principal().getName(), List.of(certificate));
    }

    /** Words for logs and error messages, e.g. {@code pinned certificate /etc/flagrunner/server.pem}. */
    String describe();

    /** The JDK's default trust store, with hostname verification. */
    record System() implements TrustMode {
        @Override
        public String describe() {
            return "system";
        }
    }

    /** Any certificate, no hostname verification; logged as a WARN once per target. */
    record Insecure() implements TrustMode {
        @Override
        public String describe() {
            return "insecure";
        }
    }

    /**
     * Certificates to trust, from {@code source} (a path, or a description for in-memory ones).
     *
     * @param certificates in source order, at least one
     */
    record Certificates(String source, List<X509Certificate> certificates) implements TrustMode {

        public Certificates {
            Objects.requireNonNull(source, "source");
            certificates = List.copyOf(certificates);
            if (certificates.isEmpty()) {
                throw new TlsConfigurationException(source + " contains no certificate");
            }
        }

        /** One certificate, which the server presents as its own; hostname not verified. */
        public boolean pinned() {
            return certificates.size() == 1 && !isCa(certificates.get(0));
        }

        @Override
        public String describe() {
            if (pinned()) {
                return "pinned certificate " + source;
            }
            return certificates.size() == 1
                    ? "CA certificate " + source
                    : "CA bundle " + source + " (" + certificates.size() + " certificates)";
        }

        static boolean isCa(X509Certificate certificate) {
            return certificate.getBasicConstraints() >= 0;
        }
    }
}
