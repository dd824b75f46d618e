package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.support.Http;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What README says of shutdown: the listening socket closes first, so a new connection is refused, while a request
 * already received is still answered (here a POST /sessions waiting for its slow session).
 */
class ShutdownRefusesNewConnectionsTest {

    @Test
    void aNewConnectionIsRefusedWhileARequestInFlightIsStillAnswered() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FlagrunnerApplication.class)
                .run(
                        "--server.port=0", "--flagrunner.embedded-server.dialects=status",
                        "--flagrunner.embedded-server.tls=false", "--flagrunner.embedded-server.faults=delay=20",
                        "--flagrunner.embedded-server.questions.min=100",
                                "--flagrunner.embedded-server.questions.max=100");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Http http = new Http(port);
        CompletableFuture<Http.Response> inFlight =
                CompletableFuture.supplyAsync(() -> http.postJson("/sessions", "{\"studentId\":\"in-flight\"}"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/sessions?status=RUNNING").json().size() == 1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThatThrownBy(() -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                            }
                        })
                        .isInstanceOf(ConnectException.class));
        assertThat(inFlight.join().status()).isEqualTo(201);
        assertThat(inFlight.join().json().get("status").asString()).isEqualTo("FLAG_CAPTURED");
        closing.join();
    }
}
