package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.RandomPortTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Outside connections that hold every outside slot of the embedded server crowd out no session of the service's
 * own: those connect from sockets the server knows (mathserver/OwnConnections) and take the reserve.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.max-connections=3",
            "flagrunner.embedded-server.questions.min=5",
            "flagrunner.embedded-server.questions.max=5"
        })
@Timeout(60)
class OwnSessionsTest extends RandomPortTest {

    @Autowired
    EmbeddedMathServer embedded;

    private final List<Socket> outsiders = new ArrayList<>();

    @AfterEach
    void letGo() throws IOException {
        for (Socket s : outsiders) {
            s.close();
        }
    }

    private Socket outsider(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        outsiders.add(s);
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void theServicesOwnSessionsCaptureWhileOutsidersHoldEveryOutsideSlot() throws Exception {
        MathServer plain = embedded.listener(Dialects.STATUS, false).orElseThrow();
        MathServer tls = embedded.listener(Dialects.STATUS, true).orElseThrow();
        outsider(plain.port());
        outsider(tls.port());
        outsider(embedded.listener(Dialects.EECE, false).orElseThrow().port());
        await().atMost(Duration.ofSeconds(10)).until(() -> plain.budget().active() == 3);
        Socket oneMore = outsider(plain.port());
        assertThat(closedByServer(oneMore)).as("the outside slots are full").isTrue();

        JsonNode overPlain =
                http.postJson("/sessions", "{\"studentId\":\"001234567\"}").json();
        JsonNode overTls = http.postJson("/sessions", "{\"studentId\":\"001234567\",\"tls\":true}")
                .json();

        assertThat(overPlain.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(overTls.get("status").asString()).isEqualTo("FLAG_CAPTURED");
        assertThat(plain.budget().active())
                .as("the outsiders still hold theirs")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anOutsiderConnectingFromTheSameAddressIsNoneOfTheServicesOwn() throws Exception {
        MathServer plain = embedded.listener(Dialects.STATUS, false).orElseThrow();
        for (int i = 0; i < 3; i++) {
            outsider(plain.port());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> plain.budget().active() == 3);

        assertThat(embedded.ownConnections().open()).isZero();
        assertThat(closedByServer(outsider(plain.port()))).isTrue();
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
