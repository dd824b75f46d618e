package dev.flagrunner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.mathserver.SecretFile;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on the durable store (a real SQLite file in a temporary directory), stopped and started again
 * in this JVM: flags, sessions and the embedded server's secret are still there, with owner-only modes; a write
 * the file refuses is a named failure; a directory that cannot hold the store fails the start naming the key.
 */
class DurableServiceTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--flagrunner.store.type=file",
                "--flagrunner.store.path=" + data,
                "--flagrunner.embedded-server.tls=false",
                "--flagrunner.embedded-server.dialects=status",
                "--flagrunner.embedded-server.questions.min=3",
                "--flagrunner.embedded-server.questions.max=3"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(FlagrunnerApplication.class).run(args.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static JsonNode session(Http http, String student) {
        Http.Response r = http.postJson("/sessions", "{\"studentId\":\"" + student + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    @Test
    void flagsSessionsAndTheSecretSurviveARestart() throws Exception {
        Path data = dir.resolve("flagrunner-data");
        Map<String, String> flags = new java.util.HashMap<>();
        String sessionId;
        try (ConfigurableApplicationContext service = start(data)) {
            Http http = http(service);
            for (String student : List.of("001", "002", "003")) {
                JsonNode s = session(http, student);
                assertThat(s.get("status").asString()).isEqualTo("FLAG_CAPTURED");
                flags.put(student, s.get("flag").asString());
            }
            sessionId = session(http, "004").get("id").asString();
            JsonNode store =
                    http.get("/actuator/health").json().get("components").get("store");
            assertThat(store.get("status").asString()).isEqualTo("UP");
            assertThat(store.get("details").get("type").asString()).isEqualTo("file");
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                        .as(f.getFileName().toString())
                        .isEqualTo("rw-------");
            }
        }
        assertThat(data.resolve(SecretFile.NAME)).isRegularFile();

        try (ConfigurableApplicationContext again = start(data)) {
            Http http = http(again);
            JsonNode listed = http.get("/flags").json();
            assertThat(listed).hasSize(4);
            for (JsonNode f : listed) {
                if (flags.containsKey(f.get("studentId").asString())) {
                    assertThat(f.get("flag").asString())
                            .isEqualTo(flags.get(f.get("studentId").asString()));
                }
            }
            assertThat(http.get("/sessions/" + sessionId).json().get("status").asString())
                    .isEqualTo("FLAG_CAPTURED");
            // The same secret: the same student gets the same flag from the embedded server after the restart.
            assertThat(session(http, "001").get("flag").asString()).isEqualTo(flags.get("001"));
        }

        try (ConfigurableApplicationContext configured =
                start(data, "--flagrunner.embedded-server.secret=configured")) {
            String flag = session(http(configured), "001").get("flag").asString();
            assertThat(flag)
                    .isNotEqualTo(flags.get("001"))
                    .isEqualTo(Flags.minter("configured").flag(false, "cs5700fall2020", "001"));
        }
    }

    @Test
    void aFlagTheStoreCannotWriteEndsTheSessionStoreFailedAndHealthSaysWhy() throws Exception {
        Path data = dir.resolve("data");
        try (ConfigurableApplicationContext service = start(data)) {
            Http http = http(service);
            session(http, "001");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(DataDirectory.DATABASE));
                    Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE flags");
            }

            JsonNode failed = session(http, "002");
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("failure").get("reason").asString()).isEqualTo("STORE_FAILED");
            assertThat(failed.has("flag")).isFalse();
            assertThat(http.get("/sessions/" + failed.get("id").asString()).body())
                    .contains("STORE_FAILED");

            Http.Response health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode store = health.json().get("components").get("store");
            assertThat(store.get("status").asString()).isEqualTo("DOWN");
            assertThat(store.get("details").get("reason").asString())
                    .startsWith("the last write failed: storing a flag failed: ")
                    .contains("no such table");
        }
    }

    @Test
    void aPathThatCannotHoldTheStoreFailsTheStartNamingTheKeyAndThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> start(file))
                .hasStackTraceContaining("flagrunner.store.path " + file + " cannot hold the flag store: ")
                .hasStackTraceContaining("it exists and is not a directory");
    }
}
