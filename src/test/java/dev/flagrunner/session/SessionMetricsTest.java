package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session meters exist from the start, so a fresh dashboard shows zeros rather than "No data". */
class SessionMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SessionMetrics metrics = new SessionMetrics(registry);

    @Test
    void everyDialectsCapturedSessionSeriesExistAtZeroBeforeItsFirstSession() {
        for (Dialect dialect : Dialects.all()) {
            assertThat(captured(dialect))
                    .as(dialect.name())
                    .isNotNull()
                    .extracting(Counter::count)
                    .isEqualTo(0.0);
            assertThat(capturedDuration(dialect))
                    .as(dialect.name())
                    .isNotNull()
                    .extracting(Timer::count)
                    .isEqualTo(0L);
            assertThat(registry.find("flagrunner.questions.answered")
                            .tag("dialect", dialect.name())
                            .counter())
                    .as(dialect.name())
                    .isNotNull();
        }
    }

    @Test
    void anEndedSessionCountsOnTheSameSeries() {
        metrics.started();
        metrics.ended(Dialects.STATUS, SessionStatus.FLAG_CAPTURED, "none", Duration.ofMillis(40));
        metrics.started();
        metrics.ended(Dialects.STATUS, SessionStatus.FAILED, "READ_TIMEOUT", Duration.ofMillis(10));

        assertThat(captured(Dialects.STATUS).count()).isEqualTo(1.0);
        assertThat(capturedDuration(Dialects.STATUS).count()).isEqualTo(1L);
        assertThat(registry.find("flagrunner.sessions")
                        .tag("reason", "READ_TIMEOUT")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.find("flagrunner.sessions.active").gauge().value()).isZero();
    }

    private Counter captured(Dialect dialect) {
        return registry.find("flagrunner.sessions")
                .tags("dialect", dialect.name(), "status", "FLAG_CAPTURED", "reason", "none")
                .counter();
    }

    private Timer capturedDuration(Dialect dialect) {
        return registry.find("flagrunner.session.duration")
                .tags("dialect", dialect.name(), "status", "FLAG_CAPTURED")
                .timer();
    }
}
