package dev.flagrunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.Scrape;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The meters of docs/architecture.md §6.3 as Prometheus sees it at /actuator/prometheus, after real sessions. */
@ObservedService
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsExpositionTest {

    @LocalServerPort
    int port;

    private Http http;
    private SessionTraffic traffic;

    @BeforeAll
    void runSessions() {
        http = new Http(port);
        traffic = new SessionTraffic(http, "exposition");
        traffic.captured();
        traffic.captured();
        traffic.failed("127.0.0.1");
        traffic.failed("127.43.21.9");
    }

    private Scrape scrape() {
        Http.Response r = http.get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return Scrape.parse(r.body());
    }

    @ParameterizedTest(name = "{0} has labels [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "flagrunner_sessions_total                   | dialect reason status",
                "flagrunner_session_duration_seconds_bucket  | dialect le status",
                "flagrunner_session_duration_seconds_count   | dialect status",
                "flagrunner_sessions_active                  | ''",
                "flagrunner_questions_answered_total         | dialect",
                "flagrunner_question_latency_seconds_bucket  | dialect le",
                "flagrunner_question_latency_seconds_count   | dialect",
                "flagrunner_flags_captured_total             | dialect",
                "flagrunner_flags_stored                     | ''",
                "flagrunner_flags_evicted_total              | ''",
                "flagrunner_mathserver_sessions_total        | dialect outcome"
            })
    void everyMeterOfTheDesignIsExposedWithItsTags(String name, String labels) {
        Set<String> expected = labels.isBlank() ? Set.of() : Set.of(labels.split(" "));

        var samples = scrape().named(name);

        assertThat(samples).as(name).isNotEmpty();
        assertThat(samples)
                .allSatisfy(s -> assertThat(s.labels().keySet()).as(name).isEqualTo(expected));
    }

    @Test
    void sessionsAreCountedByStatusAndReason() {
        Scrape scrape = scrape();

        assertThat(scrape.named("flagrunner_sessions_total"))
                .anySatisfy(s -> assertThat(s.labels())
                        .containsEntry("status", "FLAG_CAPTURED")
                        .containsEntry("reason", "none"));
        assertThat(scrape.named("flagrunner_sessions_total"))
                .anySatisfy(s -> assertThat(s.labels())
                        .containsEntry("status", "FAILED")
                        .containsEntry("reason", "CONNECT_FAILED"));
        assertThat(scrape.named("flagrunner_mathserver_sessions_total"))
                .anySatisfy(s -> assertThat(s.labels())
                        .containsEntry("dialect", "status")
                        .containsEntry("outcome", "flag_sent"));
    }

    /** Percentile histograms with SLO buckets for a loopback question (~25 µs) and a remote one (~50 ms). */
    @Test
    void latencyAndDurationArePercentileHistogramsWithSloBuckets() {
        Scrape scrape = scrape();

        Set<String> questionBuckets = les(scrape, "flagrunner_question_latency_seconds_bucket");
        assertThat(questionBuckets)
                .contains("2.5E-5", "5.0E-5", "0.001", "0.025", "0.05", "+Inf")
                .hasSizeGreaterThan(20);
        Set<String> sessionBuckets = les(scrape, "flagrunner_session_duration_seconds_bucket");
        assertThat(sessionBuckets)
                .contains("0.01", "0.1", "1.0", "30.0", "+Inf")
                .hasSizeGreaterThan(20);
        assertThat(http.get("/actuator/prometheus").body())
                .contains("# TYPE flagrunner_question_latency_seconds histogram")
                .contains("# TYPE flagrunner_session_duration_seconds histogram");
    }

    private static Set<String> les(Scrape scrape, String name) {
        return scrape.named(name).stream()
                .filter(s -> s.labels().get("dialect").equals("status"))
                .map(s -> s.labels().get("le"))
                .collect(Collectors.toSet());
    }

    @Test
    void noStudentIdFlagOrCallerGivenHostAppearsInAnyMetric() {
        String body = http.get("/actuator/prometheus").body();

        assertThat(traffic.studentIds())
                .hasSize(4)
                .allSatisfy(id -> assertThat(body).doesNotContain(id));
        assertThat(traffic.flags())
                .hasSize(2)
                .allSatisfy(flag -> assertThat(body).doesNotContain(flag));
        assertThat(traffic.hosts())
                .containsExactly("127.0.0.1", "127.43.21.9")
                .allSatisfy(host -> assertThat(body).doesNotContain(host));
        // Nor any other value that looks like a student id or a flag in any label.
        assertThat(Scrape.parse(body).samples())
                .allSatisfy(s -> assertThat(s.labels().values())
                        .noneMatch(v -> v.startsWith("exposition-") || v.matches("[0-9a-f]{64}")));
    }
}
