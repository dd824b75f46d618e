package dev.flagrunner.tls;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** What only tests issue: RSA keys, small CAs and the leaves they sign, private keys as PEM. */
final class TestCertificates {

    private TestCertificates() {}

    static KeyPair rsaKeyPair() {
        return CertificateIssuer.keyPair("RSA", null, 2048);
    }

    /** A self-signed CA certificate; with names it is also usable as a server certificate. */
    static X509Certificate selfSignedCa(KeyPair keys, String commonName, List<String> names, Duration validity) {
        X500Name subject = CertificateIssuer.name(commonName);
        return CertificateIssuer.build(
                subject, keys.getPublic(), subject, keys.getPrivate(), null, names, true, validity);
    }

    /** A leaf for the given names, signed by a CA. */
    static X509Certificate issueLeaf(
            X509Certificate ca,
            PrivateKey caKey,
            PublicKey leafKey,
            String commonName,
            List<String> names,
            Duration validity) {
        X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        return CertificateIssuer.build(
                CertificateIssuer.name(commonName), leafKey, issuer, caKey, ca, names, false, validity);
    }

    /** The key as a PKCS#8 {@code BEGIN PRIVATE KEY} block, as a key file holds it. */
    static String privateKeyPem(PrivateKey key) {
        try {
            return Pem.write(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalArgumentException("cannot encode a " + key.getAlgorithm() + " private key as PKCS#8", e);
        }
    }
}
