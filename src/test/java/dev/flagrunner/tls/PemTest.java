package dev.flagrunner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void certificatesRoundTripInOrder() {
        X509Certificate a = ServerCertificate.selfSigned().certificate();
        X509Certificate b = TestCa.create("B").certificate();

        String pem = Pem.encode(List.of(a, b));

        assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
        assertThat(Pem.parseCertificates(pem, "text")).containsExactly(a, b);
    }

    @Test
    void privateKeysAreWrittenAsPkcs8AndReadBack() {
        KeyPair keys = CertificateIssuer.ecKeyPair();

        String pem = TestCertificates.privateKeyPem(keys.getPrivate());

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Pem.parsePrivateKey(pem, "text").getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void certificatesBesideAKeyAreFound() {
        KeyPair keys = CertificateIssuer.ecKeyPair();
        X509Certificate certificate = CertificateIssuer.selfSignedLeaf(keys, "both", List.of(), Duration.ofDays(1));
        String combined = TestCertificates.privateKeyPem(keys.getPrivate()) + Pem.encode(certificate);

        assertThat(Pem.parseCertificates(combined, "combined.pem")).containsExactly(certificate);
        assertThat(Pem.parsePrivateKey(combined, "combined.pem").getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void twoKeysAreAmbiguous() {
        String two = TestCertificates.privateKeyPem(
                        CertificateIssuer.ecKeyPair().getPrivate())
                + TestCertificates.privateKeyPem(CertificateIssuer.ecKeyPair().getPrivate());

        assertThatThrownBy(() -> Pem.parsePrivateKey(two, "keys.pem"))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("keys.pem contains 2 private keys; expected exactly one");
    }
}
