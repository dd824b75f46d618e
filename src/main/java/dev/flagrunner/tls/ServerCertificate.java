package dev.flagrunner.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server's TLS identity: a private key and its certificate chain (leaf first), with the
 * {@link SSLContext} serving it. The reference math server uses {@link #selfSigned()} unless configured
 * with PEM files; its clients pin {@link #certificatePem()} (or {@link #trustMode()} in-process).
 * Immutable and thread-safe; the private key never leaves this object.
 */
public final class ServerCertificate {

    /** The names of the default self-signed certificate: loopback only, as the reference server binds. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

    public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(365);
    static final String SELF_SIGNED_COMMON_NAME = "Flagrunner reference math server";

    private final List<X509Certificate> chain;
    private final SSLContext context;

    private ServerCertificate(PrivateKey key, List<X509Certificate> chain) {
        this.chain = List.copyOf(chain);
        this.context = serverContext(key, this.chain);
    }

    /** A fresh EC P-256 key and a self-signed certificate for {@link #LOOPBACK_NAMES}, valid one year. */
    public static ServerCertificate selfSigned() {
        return selfSigned(LOOPBACK_NAMES);
    }

    /**
     * A fresh EC P-256 key and a self-signed leaf ({@code CA:FALSE}) for these names, valid one year.
     *
     * @param subjectAltNames DNS names and IP literals (e.g. the address a server binds to)
     */
    public static ServerCertificate selfSigned(List<String> subjectAltNames) {
        KeyPair keys = CertificateIssuer.ecKeyPair();
        X509Certificate certificate =
                CertificateIssuer.selfSignedLeaf(keys, SELF_SIGNED_COMMON_NAME, subjectAltNames, SELF_SIGNED_VALIDITY);
        return new ServerCertificate(keys.getPrivate(), List.of(certificate));
    }

    /**
     * Reads a private key (PKCS#8 {@code BEGIN PRIVATE KEY}, or traditional EC / RSA, unencrypted) and a
     * certificate chain, leaf first, from PEM files.
     *
     * @throws TlsConfigurationException naming the file that is missing, unreadable or wrong, or when the
     *     key does not belong to the leaf certificate
     */
    public static ServerCertificate load(Path privateKeyPem, Path certificateChainPem) {
        PrivateKey key = Pem.readPrivateKey(privateKeyPem);
        List<X509Certificate> chain = Pem.readCertificates(certificateChainPem);
        requireMatch(
                key,
                chain.get(0),
                "the private key in " + privateKeyPem + " does not belong to the first certificate in "
                        + certificateChainPem);
        return new ServerCertificate(key, chain);
    }

    /** From a key and its chain, leaf first; checks that the key belongs to the leaf. */
    public static ServerCertificate of(PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new TlsConfigurationException("a server certificate chain needs at least one certificate");
        }
        requireMatch(
                key,
                chain.get(0),
                "the private key does not belong to the certificate "
                        + chain.get(0).getSubjectX500Principal().getName());
        return new ServerCertificate(key, chain);
    }

    /** The leaf certificate, the one clients see first. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The leaf certificate as PEM: what a client saves and pins ({@code --trust server.pem}). */
    public String certificatePem() {
        return Pem.encode(certificate());
    }

    /** SHA-256 of the leaf, colon-separated upper-case hex, as {@code openssl x509 -fingerprint -sha256}. */
    public String sha256Fingerprint() {
        return Fingerprints.sha256(certificate());
    }

    /** A trust mode pinning this server's leaf, for an in-process client. */
    public TrustMode trustMode() {
        return TrustMode.pinned(certificate());
    }

    /** A server context presenting this chain; the JDK's default versions (TLSv1.3 and TLSv1.2). */
    public SSLContext sslContext() {
        return context;
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate().getSubjectX500Principal().getName() + ", SHA-256 "
                + sha256Fingerprint() + "]";
    }

    private static SSLContext serverContext(PrivateKey key, List<X509Certificate> chain) {
        try {
            // The key store lives only in memory; its password protects nothing and is thrown away.
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsConfigurationException(
                    "cannot build a TLS server context for "
                            + chain.get(0).getSubjectX500Principal().getName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static void requireMatch(PrivateKey key, X509Certificate certificate, String mismatch) {
        String certificateAlgorithm = certificate.getPublicKey().getAlgorithm();
        if (!certificateAlgorithm.equals(key.getAlgorithm())) {
            throw new TlsConfigurationException(
                    mismatch + " (an " + key.getAlgorithm() + " key for an " + certificateAlgorithm + " certificate)");
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            default ->
                throw new TlsConfigurationException(
                        "unsupported private key algorithm " + key.getAlgorithm() + " (use EC or RSA)");
        };
        byte[] probe = "flagrunner key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new TlsConfigurationException(mismatch);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(mismatch + " (" + e.getMessage() + ")", e);
        }
    }
}
