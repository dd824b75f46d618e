package dev.flagrunner.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Issues X.509 v3 certificates with Bouncy Castle, signed through the JDK's own providers (no provider
 * is registered). A certificate is either a server leaf ({@code CA:FALSE}, serverAuth, subject
 * alternative names) or a CA ({@code CA:TRUE}, keyCertSign). The reference server uses
 * {@link #selfSignedLeaf}; the tests' {@code TestCertificates} build small CAs and RSA keys with {@link #build}
 * and {@link #keyPair}.
 */
final class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {}

    /** A fresh EC P-256 key pair: fast to generate, accepted by every TLS 1.2/1.3 peer. */
    static KeyPair ecKeyPair() {
        return keyPair("EC", new ECGenParameterSpec("secp256r1"), 0);
    }

    /** A leaf for the given names (DNS names or IP literals), signed by its own key. */
    static X509Certificate selfSignedLeaf(KeyPair keys, String commonName, List<String> names, Duration validity) {
        X500Name subject = name(commonName);
        return build(subject, keys.getPublic(), subject, keys.getPrivate(), null, names, false, validity);
    }

    /**
     * A certificate of {@code subjectKey} signed by {@code issuerKey}: a CA's ({@code ca}) or a server leaf's; with an
     * {@code issuerCertificate} its authority key identifier names that issuer.
     */
    static X509Certificate build(
            X500Name subject,
            PublicKey subjectKey,
            X500Name issuer,
            PrivateKey issuerKey,
            X509Certificate issuerCertificate,
            List<String> names,
            boolean ca,
            Duration validity) {
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer,
                            new BigInteger(127, RANDOM),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            subject,
                            subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(ca, subjectKey)))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            if (!ca) {
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (issuerCertificate != null) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier,
                        false,
                        extensions.createAuthorityKeyIdentifier(issuerCertificate));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            }
            String signature = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private static int keyUsage(boolean ca, PublicKey subjectKey) {
        if (ca) {
            return KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
        }
        // RSA key exchange (TLS 1.2 RSA suites) encrypts to the key; ECDHE only signs with it.
        return "RSA".equals(subjectKey.getAlgorithm())
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
    }

    private static GeneralNames alternativeNames(List<String> names) {
        return new GeneralNames(names.stream()
                .map(n -> new GeneralName(IPAddress.isValid(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
                .toArray(GeneralName[]::new));
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static KeyPair keyPair(String algorithm, ECGenParameterSpec curve, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve, RANDOM);
            } else {
                generator.initialize(bits, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
        }
    }
}
