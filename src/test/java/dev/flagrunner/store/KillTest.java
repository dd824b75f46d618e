package dev.flagrunner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.support.Http;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILL at any moment loses no flag anyone was told about: a real service process (a child JVM on a random port,
 * a temporary data directory) is flooded with sessions while the flags it reports (in a session's body or in
 * {@code GET /flags}) are recorded, killed with {@code kill -9} mid-flood, and started again on the same
 * directory: every reported flag is there with the same value, and the sessions that were running are ended
 * {@code INTERRUPTED}. Bounded: 16 clients, stopped by the kill; each process lives at most two minutes.
 */
class KillTest {

    private static final int CLIENTS = 16;

    @TempDir
    Path dir;

    private Process start(Path data, int port) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                FlagrunnerApplication.class.getName(),
                "--server.port=" + port,
                "--flagrunner.store.type=file",
                "--flagrunner.store.path=" + data,
                "--flagrunner.embedded-server.tls=false",
                "--flagrunner.embedded-server.dialects=status",
                "--flagrunner.embedded-server.questions.min=20",
                "--flagrunner.embedded-server.questions.max=20",
                "--flagrunner.embedded-server.faults=delay=5",
                "--logging.level.root=WARN"));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("service-" + port + ".log").toFile())
                .start();
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException(
                                "the service exited: " + dir.resolve("service-" + port + ".log"));
                    }
                    try {
                        return http.get("/actuator/health").status() == 200;
                    } catch (UncheckedIOException e) {
                        return false;
                    }
                });
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyFlagReportedBeforeAKillIsThereAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> reported = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger students = new AtomicInteger();
        int port = freePort();
        Process service = start(data, port);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            Http http = new Http(port);
            for (int c = 0; c < CLIENTS; c++) {
                clients.execute(() -> {
                    while (!killed.get()) {
                        String student = "k" + students.incrementAndGet();
                        try {
                            JsonNode s = http.postJson("/sessions", "{\"studentId\":\"" + student + "\"}")
                                    .json();
                            if (s.has("flag")) {
                                reported.put(student, s.get("flag").asString());
                            }
                        } catch (RuntimeException e) {
                            return; // the service is gone
                        }
                    }
                });
            }
            clients.execute(() -> {
                while (!killed.get()) {
                    try {
                        for (JsonNode f : http.get("/flags?limit=1000").json()) {
                            reported.put(
                                    f.get("studentId").asString(), f.get("flag").asString());
                        }
                    } catch (RuntimeException e) {
                        return;
                    }
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> reported.size() >= 60);
            service.destroyForcibly(); // SIGKILL
            killed.set(true);
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(service.exitValue()).isEqualTo(137);
        } finally {
            killed.set(true);
            service.destroyForcibly();
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        Map<String, String> told = new HashMap<>(reported);

        int again = freePort();
        Process restarted = start(data, again);
        try {
            Http http = new Http(again);
            Map<String, String> kept = new HashMap<>();
            String page = "/flags?limit=1000";
            while (page != null) {
                Http.Response r = http.get(page);
                for (JsonNode f : r.json()) {
                    assertThat(kept.put(
                                    f.get("studentId").asString(), f.get("flag").asString()))
                            .isNull();
                }
                String link = r.header("Link");
                page = link == null ? null : link.substring(1, link.indexOf('>'));
            }
            assertThat(kept).containsAllEntriesOf(told);

            JsonNode failed = http.get("/sessions?status=FAILED&limit=1000").json();
            List<String> reasons = new ArrayList<>();
            failed.forEach(s -> reasons.add(s.get("failure").get("reason").asString()));
            assertThat(reasons).isNotEmpty().containsOnly("INTERRUPTED");
            assertThat(http.get("/sessions?status=RUNNING").json()).isEmpty();
        } finally {
            restarted.destroy();
            assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(new File(data.toFile(), DataDirectory.DATABASE)).exists();
    }
}
