package dev.flagrunner.session;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.SessionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The session meters of docs/architecture.md §6.3. Tags carry only dialect, status and reason: never a student id,
 * a flag or a caller-given host. The per-question meters are looked up once per dialect, not per question.
 */
@Component
class SessionMetrics {

    /** Buckets that resolve a loopback question (~25 µs) as well as a remote one (~50 ms). */
    private static final Duration[] QUESTION_SLOS = {
        Duration.ofNanos(25_000), Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)
    };

    private static final Duration[] SESSION_SLOS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofMinutes(5)
    };

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, QuestionMeters> questionMeters = new ConcurrentHashMap<>();

    SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("flagrunner.sessions.active", active, AtomicInteger::get)
                .description("Sessions running now")
                .register(registry);
        // Registered up front, so dashboards see every dialect's series (at zero) before its first session;
        // the failures' series appear with the first failure of each kind.
        for (Dialect dialect : Dialects.all()) {
            questionMeters(dialect);
            sessions(dialect, SessionStatus.FLAG_CAPTURED, "none");
            duration(dialect, SessionStatus.FLAG_CAPTURED);
        }
    }

    private record QuestionMeters(Counter answered, Timer latency) {}

    void started() {
        active.incrementAndGet();
    }

    void ended(Dialect dialect, SessionStatus status, String reason, Duration duration) {
        active.decrementAndGet();
        sessions(dialect, status, reason).increment();
        duration(dialect, status).record(duration);
    }

    private Counter sessions(Dialect dialect, SessionStatus status, String reason) {
        return Counter.builder("flagrunner.sessions")
                .description("Sessions ended, by outcome")
                .tag("dialect", dialect.name())
                .tag("status", status.name())
                .tag("reason", reason)
                .register(registry);
    }

    private Timer duration(Dialect dialect, SessionStatus status) {
        return Timer.builder("flagrunner.session.duration")
                .description("Duration of a session from connect to its end")
                .tag("dialect", dialect.name())
                .tag("status", status.name())
                .publishPercentileHistogram()
                .serviceLevelObjectives(SESSION_SLOS)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
    }

    /** A listener that counts and times each answered question of a session of this dialect. */
    SessionListener questionListener(Dialect dialect) {
        QuestionMeters meters = questionMeters(dialect);
        return (answered, nanos) -> {
            meters.answered().increment();
            meters.latency().record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    private QuestionMeters questionMeters(Dialect dialect) {
        return questionMeters.computeIfAbsent(
                dialect.name(),
                name -> new QuestionMeters(
                        Counter.builder("flagrunner.questions.answered")
                                .description("Questions answered")
                                .tag("dialect", name)
                                .register(registry),
                        Timer.builder("flagrunner.question.latency")
                                .description("One question: read, evaluate and write")
                                .tag("dialect", name)
                                .publishPercentileHistogram()
                                .serviceLevelObjectives(QUESTION_SLOS)
                                .minimumExpectedValue(Duration.ofNanos(10_000))
                                .maximumExpectedValue(Duration.ofSeconds(30))
                                .register(registry)));
    }
}
