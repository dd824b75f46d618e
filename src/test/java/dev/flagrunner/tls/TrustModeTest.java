package dev.flagrunner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustModeTest {

    private static final ServerCertificate SERVER = ServerCertificate.selfSigned();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"system", " system "})
    void parsesSystem(String value) {
        assertThat(TrustMode.parse(value)).isEqualTo(TrustMode.system()).isInstanceOf(TrustMode.System.class);
        assertThat(TrustMode.parse(value).describe()).isEqualTo("system");
    }

    @Test
    void parsesInsecure() {
        assertThat(TrustMode.parse("insecure")).isInstanceOf(TrustMode.Insecure.class);
        assertThat(TrustMode.parse("insecure").describe()).isEqualTo("insecure");
    }

    @Test
    void parsesAFileWithOneLeafAsAPin() throws IOException {
        Path file = Files.writeString(dir.resolve("server.pem"), SERVER.certificatePem());

        TrustMode mode = TrustMode.parse(file.toString());

        assertThat(mode).isEqualTo(new TrustMode.Certificates(file.toString(), List.of(SERVER.certificate())));
        assertThat(((TrustMode.Certificates) mode).pinned()).isTrue();
        assertThat(mode.describe()).isEqualTo("pinned certificate " + file);
    }

    @Test
    void parsesABundleWithCommentsAndNonAsciiNames() throws IOException {
        TestCa first = TestCa.create("First");
        TestCa second = TestCa.create("Second");
        Path file = Files.writeString(
                dir.resolve("bundle.pem"),
                "## Bundle of CA Root Certificates\n\n"
                        + "NetLock Arany (Class Gold) F\u0151tan\u00fas\u00edtv\u00e1ny\n=========\n"
                        + Pem.encode(first.certificate()) + "\nSecond CA\n=========\n"
                        + Pem.encode(second.certificate()));

        TrustMode.Certificates mode = (TrustMode.Certificates) TrustMode.parse(file.toString());

        assertThat(mode.certificates()).containsExactly(first.certificate(), second.certificate());
        assertThat(mode.pinned()).isFalse();
        assertThat(mode.describe()).isEqualTo("CA bundle " + file + " (2 certificates)");
    }

    @Test
    void aSingleCaCertificateIsNotAPin() {
        TrustMode.Certificates mode = TrustMode.pinned(TestCa.create("Lone CA").certificate());

        assertThat(mode.pinned()).isFalse();
        assertThat(mode.describe()).isEqualTo("CA certificate CN=Lone CA");
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void anEmptySettingListsTheChoices(String value) {
            assertThatThrownBy(() -> TrustMode.parse(value))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("the trust setting is empty: expected 'system', 'insecure' or the path of a PEM"
                            + " certificate file");
        }

        @Test
        void aMissingFileIsNamed() {
            Path missing = dir.resolve("nope.pem");

            assertThatThrownBy(() -> TrustMode.parse(missing.toString()))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("PEM file " + missing + " does not exist");
        }

        @Test
        void aKeywordInAnotherCaseIsTakenAsAPath() {
            assertThatThrownBy(() -> TrustMode.parse("System"))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("PEM file System does not exist");
        }

        @Test
        void aDirectoryIsNamed() {
            assertThatThrownBy(() -> TrustMode.parse(dir.toString()))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("PEM file " + dir + " is not a regular file");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "plain text    | hello, not a certificate\\n                                    | contains no PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block)",
                    "empty file    | ''                                                             | contains no PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block)",
                    "bad base64    | -----BEGIN CERTIFICATE-----\\nnot base64 !!\\n-----END CERTIFICATE-----\\n | is not valid PEM: malformed PEM data: unable to decode base64 string: truncated final block in base64 data",
                    "no END line   | -----BEGIN CERTIFICATE-----\\nMIIB\\n                          | is not valid PEM: -----END CERTIFICATE----- not found",
                    "unknown block | -----BEGIN FOO-----\\nAAAA\\n-----END FOO-----\\n            | is not valid PEM: unrecognised object: FOO",
                })
        void aFileWithoutAUsableCertificateIsNamed(String label, String content, String problem) throws IOException {
            Path file = Files.writeString(dir.resolve("bad.pem"), content.replace("\\n", "\n"));

            assertThatThrownBy(() -> TrustMode.parse(file.toString()))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage(file + " " + problem);
        }

        @Test
        void aFileWithOnlyAPrivateKeyIsNamed() throws IOException {
            Path file = Files.writeString(
                    dir.resolve("key.pem"),
                    TestCertificates.privateKeyPem(CertificateIssuer.ecKeyPair().getPrivate()));

            assertThatThrownBy(() -> TrustMode.parse(file.toString()))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage(file + " contains no PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block)");
        }

        @Test
        void anOversizedFileIsRefusedUnread() throws IOException {
            Path file = Files.write(dir.resolve("huge.pem"), new byte[Pem.MAX_FILE_BYTES + 1]);

            assertThatThrownBy(() -> TrustMode.parse(file.toString()))
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessage("PEM file " + file + " is " + (Pem.MAX_FILE_BYTES + 1)
                            + " bytes, more than the allowed maximum (" + Pem.MAX_FILE_BYTES + ")");
        }
    }
}
