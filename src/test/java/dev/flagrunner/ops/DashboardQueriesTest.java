package dev.flagrunner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.Scrape;
import dev.flagrunner.support.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard is true: a real Prometheus, configured from ops/prometheus/prometheus.yml (only the target
 * and the scrape interval rewritten), scrapes the service while it runs captured and failed sessions, and
 * every PromQL query of ops/grafana/flagrunner.json parses and returns data. Skipped, with a message, where
 * Prometheus is not installed ({@code .ci/run} installs it).
 */
@ObservedService
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesTest {

    private static final Path SHIPPED_CONFIG = Path.of("ops", "prometheus", "prometheus.yml");
    private static final Duration SCRAPED_TIMEOUT = Duration.ofSeconds(60);
    private static final String SHIPPED_CREDENTIALS = "credentials_file: ../../flagrunner-token";

    @LocalServerPort
    int port;

    @TempDir
    static Path workDir;

    private final GrafanaDashboard dashboard = GrafanaDashboard.load();
    private Path promtool;
    private PrometheusServer prometheus;

    /** Why the checks cannot run here, or null when Prometheus is installed. */
    private String missing;

    @BeforeAll
    void startPrometheusAndRunSessions() throws IOException {
        Optional<Path> server = PrometheusServer.onPath("prometheus");
        Optional<Path> tool = PrometheusServer.onPath("promtool");
        if (server.isEmpty() || tool.isEmpty()) {
            missing = "prometheus not installed: no 'prometheus' and 'promtool' on PATH, so the dashboard's "
                    + "queries are NOT checked (apt-get install prometheus, as .ci/run does)";
            System.err.println("WARNING: DashboardQueriesTest skipped: " + missing);
            return;
        }
        promtool = tool.get();
        Path config = workDir.resolve("prometheus.yml");
        Path token = workDir.resolve("metrics-token");
        Files.writeString(token, TestTokens.METRICS + "\n");
        Files.writeString(config, testConfig(Files.readString(SHIPPED_CONFIG), port, token));
        assertValidConfig(config);
        prometheus = PrometheusServer.start(server.get(), config, workDir);

        await("Prometheus scraped the service")
                .atMost(SCRAPED_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus.values("up{job=\"flagrunner\"}").equals(List.of(1.0)));
        // Two batches in two scrape intervals: a series that first appears with its final value has no
        // increase to rate, so the rates and quantiles need sessions after their series were first scraped.
        SessionTraffic traffic = new SessionTraffic(new Http(port), "dashboard");
        traffic.captured();
        traffic.failed("127.0.0.1");
        awaitScrapedSessions();
        traffic.captured();
        traffic.captured();
        traffic.failed("127.0.0.1");
        // The GC panels need a collection to have happened at least once (Micrometer registers the pause
        // timer at the first one); a context start almost always has had one, this makes sure.
        System.gc();
        awaitScrapedSessions();
    }

    /** Waits until Prometheus holds the service's current session count, scraped at least twice. */
    private void awaitScrapedSessions() {
        double total =
                Scrape.parse(new Http(port).get("/actuator/prometheus").body()).sum("flagrunner_sessions_total");
        await("Prometheus scraped " + total + " sessions")
                .atMost(SCRAPED_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus
                                .values("sum(flagrunner_sessions_total{job=\"flagrunner\"})")
                                .equals(List.of(total))
                        && prometheus
                                .values("min(count_over_time(flagrunner_sessions_total{job=\"flagrunner\"}["
                                        + GrafanaDashboard.RANGE + "]))")
                                .stream()
                                .allMatch(n -> n >= 2));
    }

    /** Each test is reported as skipped, with the reason, where Prometheus is missing: never silently passed. */
    @BeforeEach
    void requirePrometheus() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterAll
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /**
     * The shipped config with only the target, the scrape interval and the credentials file rewritten (to a file
     * holding the test token with the role metrics, and nothing else); fails if one is no longer spelled as
     * expected, so the shipped file and this test cannot drift apart silently.
     */
    static String testConfig(String shipped, int port, Path metricsToken) {
        assertThat(shipped).as(SHIPPED_CONFIG + " target").contains("'localhost:8080'");
        assertThat(shipped).as(SHIPPED_CONFIG + " scrape interval").contains("scrape_interval: 5s");
        assertThat(shipped)
                .as(SHIPPED_CONFIG + " bearer token")
                .contains("type: Bearer")
                .contains(SHIPPED_CREDENTIALS);
        return shipped.replace("'localhost:8080'", "'127.0.0.1:" + port + "'")
                .replace("scrape_interval: 5s", "scrape_interval: 1s")
                .replace(SHIPPED_CREDENTIALS, "credentials_file: " + metricsToken.toAbsolutePath());
    }

    private void assertValidConfig(Path config, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString(), "check", "config"));
        command.addAll(List.of(options));
        command.add(config.toString());
        PrometheusServer.Result check =
                PrometheusServer.run(Duration.ofSeconds(30), workDir, command.toArray(String[]::new));
        assertThat(check.exitCode())
                .as("promtool check config %s:%n%s", config, check.output())
                .isZero();
    }

    /** The scrape succeeds with the token of the role metrics alone, and the service refuses it without one. */
    @Test
    void prometheusScrapesWithTheTokenOfItsCredentialsFile() {
        assertThat(prometheus.values("up{job=\"flagrunner\"}")).containsExactly(1.0);
        assertThat(new Http(port).anonymous().get("/actuator/prometheus").status())
                .isEqualTo(401);
        assertThat(new Http(port).as(TestTokens.RUN).get("/actuator/prometheus").status())
                .isEqualTo(403);
    }

    /** Syntax only: its credentials file is the token the service generates at its first start, not there yet. */
    @Test
    void promtoolAcceptsTheShippedScrapeConfig() {
        assertValidConfig(SHIPPED_CONFIG, "--syntax-only");
        assertThat(prometheus.values("up{job=\"flagrunner\"}")).containsExactly(1.0);
    }

    @Test
    void scrapesTheMetricsPathOfTheShippedConfig() {
        JsonNode targets = prometheus.query("count by (job) (flagrunner_sessions_active)");

        assertThat(targets.get("data")
                        .get("result")
                        .get(0)
                        .get("metric")
                        .get("job")
                        .asString())
                .isEqualTo("flagrunner");
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardQueryParsesAndReturnsData() {
        assertThat(dashboard.queries()).hasSizeGreaterThan(15);
        return dashboard.queries().stream()
                .map(q -> DynamicTest.dynamicTest(q.toString(), () -> {
                    String promql = dashboard.resolve(q.expr());
                    JsonNode answer = prometheus.query(promql);

                    assertThat(answer.get("status").asString())
                            .as("%s%n%s%n%s", q, promql, answer)
                            .isEqualTo("success");
                    List<Double> values = prometheus.values(promql);
                    assertThat(values).as("%s returns no data:%n%s", q, promql).isNotEmpty();
                    assertThat(values)
                            .as("%s returns only NaN/Inf:%n%s", q, promql)
                            .anyMatch(Double::isFinite);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateVariableHasValues() {
        return dashboard.variables().stream()
                .map(v -> DynamicTest.dynamicTest(
                        v.name(),
                        () -> assertThat(prometheus.values(GrafanaDashboard.labelValuesQuery(v)))
                                .as(v.definition())
                                .isNotEmpty()));
    }
}
