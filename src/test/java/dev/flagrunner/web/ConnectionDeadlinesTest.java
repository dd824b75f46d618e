package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The HTTP edge is bounded by design: hostile clients on real sockets, in bounded numbers, against the service with a
 * small connection cap (20), 4 worker threads and 2 s deadlines, so that each test ends within seconds by itself.
 * The production figures (8,300 connections, 1,000 cap, 10 s) are in bench/README.md, measured by hand.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.tomcat.max-connections=" + ConnectionDeadlinesTest.CAP,
            "server.tomcat.accept-count=10",
            "server.tomcat.threads.max=4",
            "server.tomcat.threads.min-spare=4",
            "server.tomcat.connection-timeout=1s",
            "server.tomcat.keep-alive-timeout=1s",
            "flagrunner.web.head-deadline=2s",
            "flagrunner.web.body-deadline=2s",
            "flagrunner.embedded-server.dialects=status",
            "flagrunner.embedded-server.tls=false",
            "flagrunner.embedded-server.questions.min=5",
            "flagrunner.embedded-server.questions.max=5"
        })
class ConnectionDeadlinesTest extends RandomPortTest {

    static final int CAP = 20;
    /** Each slow client sends a byte this often: well within the 1 s per-read timeout, so only a deadline ends it. */
    private static final long BEAT_MILLIS = 200;

    private final HttpClient quick =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void headsTrickledByteByByteAreCutAtTheHeadDeadlineAndTheServiceAnswersOnceTheyGo() throws IOException {
        try (SlowClients slowloris = SlowClients.open(
                port, CAP + 5, "GET /flags HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-a: b\r\n", BEAT_MILLIS)) {
            // Without a whole-head deadline each would last until its head passed 8 KiB: 5 minutes at this beat.
            await().atMost(Duration.ofSeconds(15)).until(() -> slowloris.endedByTheService() == slowloris.size());
        }

        healthAnswersWithinTwoSecondsNoLaterThan(Duration.ofSeconds(5));
        Http.Response session = http.postJson("/sessions", "{\"studentId\":\"after-slowloris\"}");
        assertThat(session.json().get("status").asString()).isEqualTo("FLAG_CAPTURED");
    }

    @Test
    void slowBodiesHoldTheWorkersOnlyUntilTheBodyDeadline() throws IOException {
        // More slow bodies than worker threads: while they are read, nothing else is served.
        try (SlowClients slowBodies = SlowClients.open(
                port,
                6,
                "POST /sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: " + TestTokens.bearer(TestTokens.ALL) + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"studentId\":\"",
                "1",
                BEAT_MILLIS)) {
            healthAnswersWithinTwoSecondsNoLaterThan(Duration.ofSeconds(8));

            await().atMost(Duration.ofSeconds(10)).until(() -> slowBodies.endedByTheService() == slowBodies.size());
            assertThat(slowBodies.received(0)).startsWith("HTTP/1.1 408 ").contains("/problems/request-timeout");
        }
    }

    @Test
    void unreadBodiesAfterA401AreNotSwallowedAndHoldNoWorker() throws IOException {
        // No token: the 401 is written before the body is read. Tomcat then swallowed the rest before it took the
        // next request, reading with only its per-read timeout, outside the body deadline: 60,000 bytes at this
        // beat held all four workers for five minutes.
        try (SlowClients unauthenticated = SlowClients.open(
                port,
                6,
                "POST /sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"studentId\":\"",
                "1",
                BEAT_MILLIS)) {
            healthAnswersWithinTwoSecondsNoLaterThan(Duration.ofSeconds(8));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> unauthenticated.endedByTheService() == unauthenticated.size());
            for (int i = 0; i < unauthenticated.size(); i++) {
                assertThat(unauthenticated.received(i))
                        .startsWith("HTTP/1.1 401 ")
                        .contains("/problems/unauthorized")
                        .containsIgnoringCase("Connection: close");
            }
        }
    }

    @Test
    void aBodyThatWasReadKeepsItsConnectionAlive() throws IOException {
        String body = "{\"studentId\":\"kept-alive\"}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                                    + TestTokens.bearer(TestTokens.ALL)
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                    + "\r\n\r\n" + body + "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String both =
                    new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);

            assertThat(both).startsWith("HTTP/1.1 201 ").contains("\r\nHTTP/1.1 200 ");
        }
    }

    @Test
    void idleConnectionsAreClosedAtTheConnectionTimeoutAndNewClientsAreServed() throws IOException {
        try (SlowClients idle = SlowClients.open(port, CAP, "", "", Long.MAX_VALUE / 4)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> idle.endedByTheService() == idle.size());
        }
        healthAnswersWithinTwoSecondsNoLaterThan(Duration.ofSeconds(5));
    }

    /** Health is asked again and again, each time with 2 s to answer, until it answers 200 or the time is up. */
    private void healthAnswersWithinTwoSecondsNoLaterThan(Duration atMost) {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        await().atMost(atMost)
                .ignoreExceptions()
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        quick.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }
}
