package dev.flagrunner.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TargetProbeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger connects = new AtomicInteger();

    private TargetProbe probe(TargetProbe.Connector connector) {
        return new TargetProbe(
                "real", "server.example", 27993, Duration.ofSeconds(5), Duration.ofSeconds(30), clock, connector);
    }

    @Test
    void connectsOnceAndKeepsTheResultForTheInterval() {
        TargetProbe probe = probe((host, port, timeout) -> connects.incrementAndGet());

        for (int i = 0; i < 100; i++) {
            assertThat(probe.result().reachable()).isTrue();
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(probe.result().checkedAt()).isEqualTo(T0);

        assertThat(connects).hasValue(1);
    }

    @Test
    void probesAgainOnceTheIntervalHasPassed() {
        TargetProbe probe = probe((host, port, timeout) -> connects.incrementAndGet());
        probe.result();

        clock.advance(Duration.ofSeconds(30));
        TargetProbe.Result second = probe.result();

        assertThat(connects).hasValue(2);
        assertThat(second.checkedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aFailureIsCachedToo_soADownServerIsNotHammered() {
        TargetProbe probe = probe((host, port, timeout) -> {
            connects.incrementAndGet();
            throw new SessionFailure(FailureReason.CONNECT_TIMEOUT, "no connection to " + host + ":" + port);
        });

        TargetProbe.Result first = probe.result();
        probe.result();

        assertThat(connects).hasValue(1);
        assertThat(first.reachable()).isFalse();
        assertThat(first.error()).isEqualTo("CONNECT_TIMEOUT: no connection to server.example:27993");
    }

    @Test
    void passesTheConnectTimeoutToTheConnector() {
        AtomicInteger timeoutMillis = new AtomicInteger();
        probe((host, port, timeout) -> timeoutMillis.set((int) timeout.toMillis()))
                .result();

        assertThat(timeoutMillis).hasValue(5000);
    }

    @Test
    void reachesAListeningLoopbackServerOverTcp() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TargetProbe probe = new TargetProbe(
                    "real",
                    "127.0.0.1",
                    server.getLocalPort(),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(30),
                    clock,
                    TargetProbe.TCP);

            TargetProbe.Result result = probe.result();

            assertThat(result.reachable()).isTrue();
            assertThat(result.error()).isEmpty();
        }
    }

    @Test
    void aClosedLoopbackPortIsConnectFailed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TargetProbe probe = new TargetProbe(
                "real", "127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(30), clock, TargetProbe.TCP);

        TargetProbe.Result result = probe.result();

        assertThat(result.reachable()).isFalse();
        assertThat(result.error()).startsWith("CONNECT_FAILED: cannot connect to 127.0.0.1:" + port);
    }
}
