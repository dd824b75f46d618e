package dev.flagrunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Runs sessions through the REST API, captured ones against the embedded server and failed ones against a
 * closed loopback port, and remembers every student id, flag and caller-given host they involved: none of
 * them may show up in a metric.
 */
final class SessionTraffic {

    private final Http http;
    private final String prefix;
    private final List<String> studentIds = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private int next;

    SessionTraffic(Http http, String prefix) {
        this.http = http;
        this.prefix = prefix;
    }

    /** A session against the embedded server; asserts it captured a flag. */
    void captured() {
        String id = studentId();
        JsonNode body = http.postJson("/sessions", Http.json(java.util.Map.of("studentId", id)))
                .json();
        assertThat(body.get("status").asString()).as("session of %s", id).isEqualTo("FLAG_CAPTURED");
        flags.add(body.get("flag").asString());
    }

    /** A session against a closed port of a loopback host the caller names; asserts CONNECT_FAILED. */
    void failed(String host) {
        String id = studentId();
        hosts.add(host);
        JsonNode body = http.postJson(
                        "/sessions", Http.json(java.util.Map.of("studentId", id, "host", host, "port", closedPort())))
                .json();
        assertThat(body.get("status").asString()).as("session of %s", id).isEqualTo("FAILED");
        assertThat(body.get("failure").get("reason").asString()).isEqualTo("CONNECT_FAILED");
    }

    private String studentId() {
        String id = prefix + "-" + (next++) + "-7f3a9c";
        studentIds.add(id);
        return id;
    }

    List<String> studentIds() {
        return List.copyOf(studentIds);
    }

    List<String> flags() {
        return List.copyOf(flags);
    }

    List<String> hosts() {
        return List.copyOf(hosts);
    }

    /** A loopback port that was free a moment ago: nothing listens there, so a connect is refused. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
