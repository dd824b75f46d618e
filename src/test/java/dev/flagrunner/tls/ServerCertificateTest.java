package dev.flagrunner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerCertificateTest {

    @TempDir
    Path dir;

    @Nested
    class SelfSigned {

        private final ServerCertificate identity = ServerCertificate.selfSigned();
        private final X509Certificate certificate = identity.certificate();

        @Test
        void namesLocalhostAndBothLoopbackAddresses() throws CertificateParsingException {
            assertThat(certificate.getSubjectAlternativeNames())
                    .containsExactlyInAnyOrder(
                            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
            assertThat(certificate.getSubjectX500Principal().getName())
                    .isEqualTo("CN=Flagrunner reference math server");
        }

        @Test
        void isAnEcP256LeafValidForAYear() throws Exception {
            assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
            assertThat(((ECPublicKey) certificate.getPublicKey())
                            .getParams()
                            .getCurve()
                            .getField()
                            .getFieldSize())
                    .isEqualTo(256);
            assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
            assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
            assertThat(Duration.between(
                            certificate.getNotBefore().toInstant(),
                            certificate.getNotAfter().toInstant()))
                    .isBetween(Duration.ofDays(365), Duration.ofDays(365).plusMinutes(6));
            certificate.checkValidity();
            certificate.verify(certificate.getPublicKey());
        }

        @Test
        void offersItsCertificateAsPemThatAClientPins() throws Exception {
            String pem = identity.certificatePem();

            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
            TrustMode.Certificates pinned = TrustMode.pem(pem, "downloaded certificate");
            assertThat(pinned.certificates()).containsExactly(certificate);
            assertThat(pinned.pinned()).isTrue();
            assertThat(identity.trustMode()).isEqualTo(TrustMode.pinned(certificate));
        }

        @Test
        void eachCallMakesANewKeyAndCertificate() {
            assertThat(ServerCertificate.selfSigned().sha256Fingerprint())
                    .isNotEqualTo(identity.sha256Fingerprint())
                    .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        }
    }

    @Nested
    class LoadedFromPem {

        @Test
        void servesWithAPkcs8KeyAndItsCertificate() throws IOException {
            ServerCertificate generated = ServerCertificate.selfSigned();
            KeyPair keys = CertificateIssuer.ecKeyPair();
            X509Certificate certificate =
                    CertificateIssuer.selfSignedLeaf(keys, "loaded", List.of("127.0.0.1"), Duration.ofDays(1));
            Path key = Files.writeString(dir.resolve("key.pem"), TestCertificates.privateKeyPem(keys.getPrivate()));
            Path cert = Files.writeString(dir.resolve("cert.pem"), Pem.encode(certificate));

            ServerCertificate loaded = ServerCertificate.load(key, cert);

            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
            assertThat(loaded.certificate()).isEqualTo(certificate).isNotEqualTo(generated.certificate());
            try (TlsEchoServer server = TlsEchoServer.start(loaded)) {
                assertThat(Tls.echo(ClientTls.create(TrustMode.parse(cert.toString())), server.port()))
                        .isEqualTo("ping");
            }
        }

        @Test
        void servesWithATraditionalRsaKey() throws IOException {
            KeyPair keys = TestCertificates.rsaKeyPair();
            Path key = Files.writeString(dir.resolve("key.pem"), traditional(keys.getPrivate()));
            Path cert = Files.writeString(
                    dir.resolve("cert.pem"),
                    Pem.encode(
                            CertificateIssuer.selfSignedLeaf(keys, "rsa", List.of("127.0.0.1"), Duration.ofDays(1))));

            ServerCertificate loaded = ServerCertificate.load(key, cert);

            assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
            try (TlsEchoServer server = TlsEchoServer.start(loaded)) {
                assertThat(Tls.echo(ClientTls.create(loaded.trustMode()), server.port()))
                        .isEqualTo("ping");
            }
        }

        @Test
        void readsATraditionalEcKeyAndAChainLeafFirst() throws IOException {
            TestCa ca = TestCa.create("Chain CA");
            KeyPair keys = CertificateIssuer.ecKeyPair();
            X509Certificate leaf = TestCertificates.issueLeaf(
                    ca.certificate(),
                    ca.keys().getPrivate(),
                    keys.getPublic(),
                    "leaf",
                    List.of("localhost"),
                    Duration.ofDays(1));
            Path key = Files.writeString(dir.resolve("key.pem"), opensslEcKey(keys));
            Path chain = Files.writeString(dir.resolve("chain.pem"), Pem.encode(List.of(leaf, ca.certificate())));

            ServerCertificate loaded = ServerCertificate.load(key, chain);

            assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
            assertThat(loaded.chain()).containsExactly(leaf, ca.certificate());
            assertThat(loaded.certificatePem()).isEqualTo(Pem.encode(leaf));
        }

        @Test
        void refusesAKeyThatIsNotTheCertificates() throws IOException {
            Path key = Files.writeString(
                    dir.resolve("key.pem"),
                    TestCertificates.privateKeyPem(CertificateIssuer.ecKeyPair().getPrivate()));
            Path cert = Files.writeString(
                    dir.resolve("cert.pem"), ServerCertificate.selfSigned().certificatePem());

            assertThatThrownBy(() -> ServerCertificate.load(key, cert))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("the private key in " + key + " does not belong to the first certificate in " + cert);
        }

        @Test
        void refusesAnRsaKeyForAnEcCertificate() throws IOException {
            Path key = Files.writeString(
                    dir.resolve("key.pem"),
                    TestCertificates.privateKeyPem(TestCertificates.rsaKeyPair().getPrivate()));
            Path cert = Files.writeString(
                    dir.resolve("cert.pem"), ServerCertificate.selfSigned().certificatePem());

            assertThatThrownBy(() -> ServerCertificate.load(key, cert))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("the private key in " + key + " does not belong to the first certificate in " + cert
                            + " (an RSA key for an EC certificate)");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"PKCS#8", "traditional"})
        void refusesAnEncryptedKeyWithAHint(String form) throws Exception {
            PrivateKey secret = CertificateIssuer.ecKeyPair().getPrivate();
            char[] password = "secret".toCharArray();
            // The JDK names the cipher AES/CBC/PKCS5Padding, Bouncy Castle asks for PKCS7Padding: use BC's provider.
            Object encrypted = form.equals("PKCS#8")
                    ? new JcaPKCS8Generator(
                            secret,
                            new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                    .setProvider(new BouncyCastleProvider())
                                    .setPassword(password)
                                    .build())
                    : new JcaMiscPEMGenerator(
                            secret,
                            new JcePEMEncryptorBuilder("AES-128-CBC")
                                    .setProvider(new BouncyCastleProvider())
                                    .build(password));
            Path key = Files.writeString(dir.resolve("key.pem"), pem(encrypted));
            Path cert = Files.writeString(
                    dir.resolve("cert.pem"), ServerCertificate.selfSigned().certificatePem());

            assertThat(Files.readString(key)).contains("ENCRYPTED");
            assertThatThrownBy(() -> ServerCertificate.load(key, cert))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage(key + " holds an encrypted private key, which is not supported: decrypt it first"
                            + " (openssl pkey -in ENCRYPTED.pem -out key.pem)");
        }

        @Test
        void namesTheKeyFileWhenItHoldsNoKey() throws IOException {
            Path cert = Files.writeString(
                    dir.resolve("cert.pem"), ServerCertificate.selfSigned().certificatePem());

            assertThatThrownBy(() -> ServerCertificate.load(cert, cert))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage(cert + " contains no PEM private key (expected '-----BEGIN PRIVATE KEY-----',"
                            + " '-----BEGIN EC PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----')");
        }

        @Test
        void namesAMissingFile() {
            Path missing = dir.resolve("missing-key.pem");

            assertThatThrownBy(() -> ServerCertificate.load(missing, dir.resolve("cert.pem")))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("PEM file " + missing + " does not exist");
        }
    }

    /** OpenSSL's traditional RSA form (PKCS#1), which JcaPEMWriter writes correctly for RSA keys. */
    private static String traditional(PrivateKey key) throws IOException {
        return pem(key);
    }

    /**
     * OpenSSL's traditional EC form as {@code openssl ecparam -genkey} writes it: SEC 1 with the curve and
     * the public key. (JcaPEMWriter writes a JDK EC key without its curve, which OpenSSL cannot read.)
     */
    private static String opensslEcKey(KeyPair keys) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey sec1 = new ECPrivateKey(
                256,
                ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
                info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    /** What JcaPEMWriter writes for the object: for a bare private key, OpenSSL's traditional form. */
    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
