package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.RecordingListener;
import dev.flagrunner.support.ScriptedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's relay attempts, through real HTTP: a request may name only the embedded server, a configured
 * target's endpoint or an entry of {@code flagrunner.allowed-endpoints}. Another service on loopback (a
 * recording listener standing in for Redis) receives nothing from any of them, not even a connection: after
 * every test it is asked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.dialects=status", "flagrunner.embedded-server.tls=false",
            "flagrunner.embedded-server.questions.min=5", "flagrunner.embedded-server.questions.max=5"
        })
@ExtendWith(OutputCaptureExtension.class)
class RelayTest extends RandomPortTest {

    private static RecordingListener otherService;
    /** An allowed endpoint where an SSH-style server greets with a secret in its banner. */
    private static ScriptedServer banner;
    /** The port of the configured target {@code lab} on 127.0.0.1; nothing listens there. */
    private static int labPort;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) throws IOException {
        otherService = new RecordingListener();
        banner = new ScriptedServer(c -> {
            c.send("SSH-2.0-x password=hunter2\r\n");
            c.awaitClientClose();
        });
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            labPort = s.getLocalPort();
        }
        registry.add("flagrunner.allowed-endpoints", () -> "127.0.0.1:" + banner.port());
        registry.add("flagrunner.targets.lab.host", () -> "127.0.0.1");
        registry.add("flagrunner.targets.lab.port", () -> labPort);
    }

    @AfterAll
    static void stopServers() throws IOException {
        otherService.close();
        banner.close();
    }

    @AfterEach
    void theOtherServiceReceivedNothing() throws IOException {
        assertThat(otherService.connectionsSoFar())
                .as("connections to the other service")
                .isZero();
        assertThat(otherService.bytesReceived()).isZero();
    }

    private Http.Response post(Map<String, Object> body) {
        return http.postJson("/sessions", Http.json(body));
    }

    private static void assertRefused(Http.Response r, String endpoint) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/endpoint-not-allowed");
        assertThat(r.json().get("detail").asString())
                .isEqualTo("endpoint " + endpoint + " is not allowed: a request"
                        + " may name only the embedded server, a configured target's host and port, or an entry of"
                        + " flagrunner.allowed-endpoints");
    }

    /** The Redis commands as class strings: refused as class strings, and the endpoint is refused too. */
    @ParameterizedTest
    @ValueSource(strings = {"SET", "RENAME", "DEL", "GETBIT", "REPLICAOF"})
    void aDatabaseCommandAsClassIdReachesNothing(String command) {
        Http.Response asCommand =
                post(Map.of("studentId", "1", "host", "127.0.0.1", "port", otherService.port(), "classId", command));
        Http.Response asClassString = post(Map.of(
                "studentId", "1", "host", "127.0.0.1", "port", otherService.port(), "classId", "cs5700fall2020"));

        assertThat(asCommand.status()).isEqualTo(400);
        assertThat(asCommand.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(asCommand.json().get("detail").asString()).contains("classId must look like a class string");
        assertRefused(asClassString, "127.0.0.1:" + otherService.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LocalHost", "127.0.0.2", "[::1]", "::1", "0.0.0.0"})
    void loopbackIsNoLongerAllowedWithoutAnEntry(String host) {
        Http.Response r = post(Map.of("studentId", "1", "host", host, "port", otherService.port()));

        String shown = host.replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
        assertRefused(r, (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + otherService.port());
    }

    @Test
    void aPortAloneIsAnEndpointToo() {
        // Without a host the embedded server's host is kept: the port still has to be allowed.
        assertRefused(post(Map.of("studentId", "1", "port", otherService.port())), "127.0.0.1:" + otherService.port());
        Http.Response withTarget = post(Map.of("studentId", "1", "target", "lab", "port", otherService.port()));
        assertThat(withTarget.status()).as(withTarget.body()).isEqualTo(400);
        assertThat(withTarget.json().get("detail").asString())
                .startsWith("'target' and 'host'/'port' exclude each other");
    }

    @Test
    void aRefusalSaysNothingOfWhetherSomethingListens() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        Http.Response open = post(Map.of("studentId", "1", "host", "127.0.0.1", "port", otherService.port()));
        Http.Response shut = post(Map.of("studentId", "1", "host", "127.0.0.1", "port", closed));

        assertThat(shut.status()).isEqualTo(open.status()).isEqualTo(403);
        assertThat(shut.body().replace(String.valueOf(closed), "PORT"))
                .isEqualTo(open.body().replace(String.valueOf(otherService.port()), "PORT"));
    }

    @Test
    void theEmbeddedServerMayBeNamedByItsEndpoint() {
        int embeddedPort =
                post(Map.of("studentId", "1")).json().get("target").get("port").asInt();

        JsonNode adHoc = post(Map.of("studentId", "001234567", "host", "127.0.0.1", "port", embeddedPort))
                .json();

        assertThat(adHoc.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(adHoc.get("target").get("name").asString()).isEqualTo("ad-hoc");
    }

    @Test
    void aConfiguredTargetsEndpointMayBeNamedButNotItsHostsOtherPorts() {
        // Allowed: the session runs, and fails as data (nothing listens there).
        Http.Response named = post(Map.of("studentId", "1", "host", "127.0.0.1", "port", labPort));

        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("failure").get("reason").asString()).isEqualTo("CONNECT_FAILED");
        assertRefused(post(Map.of("studentId", "1", "target", "lab", "tls", true)), "127.0.0.1:27996");
    }

    @Test
    void anAllowedServersBannerWithASecretNeverReachesTheCaller(CapturedOutput output) {
        Http.Response r = post(Map.of("studentId", "1", "host", "127.0.0.1", "port", banner.port()));
        String id = r.json().get("id").asString();

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("failure").get("reason").asString()).isEqualTo("MALFORMED_MESSAGE");
        assertThat(r.json().get("failure").get("detail").asString())
                .isEqualTo("wrong class string (expected"
                        + " 'cs5700fall2020') in message 1: not quoted (not the dialect's): 26 characters: letters, digits,"
                        + " spaces, punctuation");
        for (Http.Response shown : new Http.Response[] {r, http.get("/sessions/" + id), http.get("/sessions")}) {
            assertThat(shown.body()).doesNotContain("hunter2").doesNotContain("SSH-2.0");
        }
        assertThat(output.getAll()).doesNotContain("hunter2");
    }
}
