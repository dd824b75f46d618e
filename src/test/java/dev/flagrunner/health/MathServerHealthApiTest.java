package dev.flagrunner.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The {@code mathServer} component as a user sees it at {@code /actuator/health}. */
class MathServerHealthApiTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithTheEmbeddedServerAsDefaultTarget {

        @LocalServerPort
        int port;

        @Test
        void showsEachListenerAndIsUp() {
            Http.Response r = new Http(port).get("/actuator/health");

            assertThat(r.status()).isEqualTo(200);
            JsonNode mathServer = r.json().get("components").get("mathServer");
            assertThat(mathServer.get("status").asString()).isEqualTo("UP");
            JsonNode listener =
                    mathServer.get("details").get("embedded").get("listeners").get(0);
            assertThat(listener.get("dialect").asString()).isEqualTo("status");
            assertThat(listener.get("transport").asString()).isEqualTo("plain");
            assertThat(listener.get("address").asString()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(listener.get("accepting").asBoolean()).isTrue();
            assertThat(listener.get("activeConnections").asInt()).isZero();
            assertThat(mathServer
                            .get("details")
                            .get("defaultTarget")
                            .get("name")
                            .asString())
                    .isEqualTo("embedded");
        }
    }

    /** A configured real server (a loopback socket that counts connections) as the default target. */
    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "flagrunner.default-target=real",
                "flagrunner.targets.real.dialect=status",
                "flagrunner.health.probe-interval=1h"
            })
    class WithARealDefaultTarget {

        static final CountingServer REAL = new CountingServer();

        @DynamicPropertySource
        static void target(DynamicPropertyRegistry registry) {
            registry.add("flagrunner.targets.real.host", () -> "127.0.0.1");
            registry.add("flagrunner.targets.real.port", REAL::port);
        }

        @AfterAll
        static void stop() {
            REAL.close();
        }

        @LocalServerPort
        int port;

        @Test
        void probesItOnceAndAnswersFromTheCacheAfterwards() {
            Http http = new Http(port);
            JsonNode first =
                    http.get("/actuator/health").json().get("components").get("mathServer");
            for (int i = 0; i < 20; i++) {
                assertThat(http.get("/actuator/health").status()).isEqualTo(200);
            }

            assertThat(first.get("status").asString()).isEqualTo("UP");
            JsonNode target = first.get("details").get("defaultTarget");
            assertThat(target.get("name").asString()).isEqualTo("real");
            assertThat(target.get("address").asString()).isEqualTo("127.0.0.1:" + REAL.port());
            assertThat(target.get("reachable").asBoolean()).isTrue();
            assertThat(target.get("probeInterval").asString()).isEqualTo("3600s");
            // Connect and close only: the probe never says HELLO, and 21 scrapes made one connection.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(REAL.accepted()).isEqualTo(1));
            assertThat(REAL.bytesReceived()).isZero();
        }
    }

    /** Accepts connections on loopback, counting them and any byte a client sends. */
    static final class CountingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger bytes = new AtomicInteger();

        CountingServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread t = new Thread(this::acceptLoop, "counting-server");
            t.setDaemon(true);
            t.start();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    accepted.incrementAndGet();
                    client.setSoTimeout(2000);
                    while (client.getInputStream().read() >= 0) {
                        bytes.incrementAndGet();
                    }
                } catch (IOException e) {
                    // Closed by the test, a read timeout, or a reset: the counts are what matters.
                }
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        int bytesReceived() {
            return bytes.get();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }
}
