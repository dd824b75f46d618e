package dev.flagrunner.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.support.MathServers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class MathServerHealthIndicatorTest {

    private MathServer listener;

    @AfterEach
    void stopListener() {
        if (listener != null) {
            listener.close();
        }
    }

    private MathServer startListener() throws IOException {
        listener = MathServers.start(Dialects.STATUS, 1);
        return listener;
    }

    private static TargetProbe probe(TargetProbe.Connector connector) {
        return new TargetProbe(
                "fall2020",
                "cs5700.example",
                27996,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                connector);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health, String key) {
        return (Map<String, Object>) health.getDetails().get(key);
    }

    @Test
    void isUpWithEachListenerWhileTheyAccept() throws IOException {
        MathServer server = startListener();

        Health health =
                new MathServerHealthIndicator(true, () -> List.of(server), "embedded", Optional.empty()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(detail(health, "embedded"))
                .containsEntry("enabled", true)
                .containsEntry(
                        "listeners",
                        List.of(Map.of(
                                "dialect",
                                "status",
                                "transport",
                                "plain",
                                "address",
                                "127.0.0.1:" + server.port(),
                                "accepting",
                                true,
                                "activeConnections",
                                0)));
        assertThat(detail(health, "defaultTarget")).isEqualTo(Map.of("name", "embedded"));
        assertThat(health.getDetails()).doesNotContainKey("reason");
    }

    @Test
    void isUpWhenTheDefaultRealTargetAcceptsAConnection() {
        Health health = new MathServerHealthIndicator(
                        false, List::of, "fall2020", Optional.of(probe((host, port, timeout) -> {})))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(detail(health, "defaultTarget"))
                .containsEntry("name", "fall2020")
                .containsEntry("address", "cs5700.example:27996")
                .containsEntry("reachable", true)
                .containsEntry("probeInterval", "30s")
                .containsKeys("connectMillis", "checkedAt")
                .doesNotContainKey("error");
    }

    @Nested
    class IsDownWithAReason {

        @Test
        void whenAListenerStoppedAccepting() throws IOException {
            MathServer server = startListener();
            server.close();

            Health health =
                    new MathServerHealthIndicator(true, () -> List.of(server), "embedded", Optional.empty()).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason"))
                    .isEqualTo("embedded listener status/plain on 127.0.0.1:" + server.port() + " stopped accepting");
        }

        @Test
        void whenTheDefaultRealTargetIsUnreachable() {
            Health health = new MathServerHealthIndicator(
                            false, List::of, "fall2020", Optional.of(probe((host, port, timeout) -> {
                                throw new SessionFailure(
                                        FailureReason.CONNECT_TIMEOUT,
                                        "no connection to " + host + ":" + port + " within 5000 ms");
                            })))
                    .health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason"))
                    .isEqualTo("default target fall2020 (cs5700.example:27996) "
                            + "is unreachable: CONNECT_TIMEOUT: no connection to cs5700.example:27996 within 5000 ms");
            assertThat(detail(health, "defaultTarget"))
                    .containsEntry("reachable", false)
                    .containsEntry("error", "CONNECT_TIMEOUT: no connection to cs5700.example:27996 within 5000 ms");
        }

        @Test
        void whenTheEmbeddedServerIsEnabledButHasNoListener() {
            Health health = new MathServerHealthIndicator(true, List::of, "embedded", Optional.empty()).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason"))
                    .isEqualTo("the embedded server is enabled but has no listener");
        }

        @Test
        void whenTheDefaultTargetIsTheDisabledEmbeddedServer() {
            Health health = new MathServerHealthIndicator(false, List::of, "embedded", Optional.empty()).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("reason")).contains("flagrunner.embedded-server.enabled=false");
        }
    }
}
