package dev.flagrunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.Http;
import dev.flagrunner.support.MathServers;
import dev.flagrunner.tls.ServerCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The ready configurations of ops/examples, started as README says: the shipped application.yml plus the example
 * through {@code --spring.config.additional-location}, with nothing of the tests' own configuration. Only what
 * cannot be shipped is overridden on the command line: the token hash (the example's zeros match no token), and
 * the real target's host, port and pinned certificate, which point at a reference server on loopback here (no
 * traffic leaves the machine). The example's own target then captures a flag over TLS with the pin. The durable
 * store (the examples keep the default) is put in the test's own directory: left at its default, it wrote
 * flagrunner-data/ into the checkout, where bench/concurrency.sh then found two flags it had not captured.
 */
class ExampleConfigurationsTest {

    private static final String TOKEN = "example-configuration-token";
    private static final FlagMinter MINTER = Flags.minter("class secret");

    private final ServerCertificate certificate = ServerCertificate.selfSigned();
    private MathServer courseServer;

    @TempDir
    Path dir;

    @BeforeEach
    void startTheCourseServer() throws Exception {
        courseServer = MathServers.start(MathServers.builder(Dialects.STATUS, MINTER, 20)
                .tls(certificate.sslContext())
                .build());
    }

    @AfterEach
    void stopTheCourseServer() {
        courseServer.close();
    }

    @ParameterizedTest
    @CsvSource({"grader.yml, fall2020, grader", "instructor.yml, class, instructor"})
    void theExampleStartsAndItsTargetCapturesAFlagWithThePinnedCertificate(String file, String target, String caller)
            throws Exception {
        Path pem = Files.writeString(dir.resolve("server.pem"), certificate.certificatePem());
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.location=classpath:/application.properties,optional:file:./application.yml",
                "--spring.config.additional-location=file:ops/examples/" + file,
                "--server.port=0",
                "--flagrunner.security.token-file=" + dir.resolve("flagrunner-token"),
                "--flagrunner.store.path=" + dir.resolve("data"),
                "--flagrunner.security.tokens." + caller + ".sha256=" + sha256(TOKEN),
                "--flagrunner.targets." + target + ".host=127.0.0.1",
                "--flagrunner.targets." + target + ".port=" + courseServer.port(),
                "--flagrunner.targets." + target + ".trust=" + pem));

        try (ConfigurableApplicationContext service =
                new SpringApplicationBuilder(FlagrunnerApplication.class).run(args.toArray(String[]::new))) {
            Http http = new Http(((WebServerApplicationContext) service)
                            .getWebServer()
                            .getPort())
                    .as(TOKEN);

            Http.Response started = http.postJson("/sessions", "{\"studentId\": \"001234567\"}");

            assertThat(started.status()).as(started.body()).isEqualTo(201);
            JsonNode session = started.json();
            assertThat(session.at("/target/name").asString()).isEqualTo(target);
            assertThat(session.at("/target/tls").asBoolean()).isTrue();
            assertThat(session.get("owner").asString()).isEqualTo(caller);
            assertThat(session.get("flag").asString()).isEqualTo(MINTER.flag(true, "cs5700fall2020", "001234567"));
            assertThat(http.anonymous().get("/flags").status()).isEqualTo(401);
            assertThat(Files.exists(dir.resolve("flagrunner-token")))
                    .as("with tokens configured no token file is written")
                    .isFalse();
            assertThat(dir.resolve("data").resolve("flagrunner.db"))
                    .as("the example's durable store, in the directory given")
                    .isNotEmptyFile();
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
