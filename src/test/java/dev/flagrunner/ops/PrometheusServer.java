package dev.flagrunner.ops;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's {@code prometheus} package) for tests: listens on a free loopback port (never
 * 9090), keeps its data in a temporary directory, and is stopped, forcibly if need be, by {@link #close()}.
 * Every wait is bounded.
 */
final class PrometheusServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** An executable of that name on PATH. */
    static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Runs a short command (e.g. promtool) with a time limit; returns its exit code and output. */
    static Result run(Duration timeout, Path workDir, String... command) {
        try {
            Path out = Files.createTempFile(workDir, "command", ".log");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout);
            }
            return new Result(p.exitValue(), Files.readString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String output) {}

    /** Starts Prometheus with this config and waits until it is ready. */
    static PrometheusServer start(Path binary, Path config, Path workDir) throws IOException {
        int port = freeLoopbackPort();
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        try {
            await("Prometheus ready on 127.0.0.1:" + port)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(server::ready);
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("Prometheus did not start: " + server.logTail(), e);
        }
        return server;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ": " + logTail());
        }
        try {
            return send("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer of /api/v1/query: {@code status}, {@code data.result} or {@code error}. */
    JsonNode query(String promql) {
        try {
            return JSON.readTree(send("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                    .body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of an instant query's samples (NaN included). */
    List<Double> values(String promql) {
        JsonNode answer = query(promql);
        if (!answer.get("status").asString().equals("success")) {
            throw new IllegalStateException(promql + ": " + answer.get("error").asString());
        }
        JsonNode data = answer.get("data");
        if (data.get("resultType").asString().equals("scalar")) {
            return List.of(Double.parseDouble(data.get("result").get(1).asString()));
        }
        return data.get("result")
                .valueStream()
                .map(r -> Double.parseDouble(r.get("value").get(1).asString()))
                .toList();
    }

    private HttpResponse<String> send(String path) throws IOException {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port that was free a moment ago, and never 9090 (where a system Prometheus may be). */
    private static int freeLoopbackPort() throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != 9090) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no free loopback port other than 9090");
    }
}
