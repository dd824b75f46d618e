package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.MathServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** What a peer sends reaches the log escaped and cut short, and a flood of connections cannot flood the log. */
@Timeout(60)
class ServerLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MathServer.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(log);
    }

    private List<String> sessionLines() {
        return log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("math server session ended"))
                .toList();
    }

    private static void sendAndAwaitClose(int port, byte[] bytes) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(bytes);
                s.shutdownOutput();
                s.getInputStream().readAllBytes();
            } catch (SocketException reset) {
                // Closed by the server at its limit.
            }
        }
    }

    @Test
    void controlBytesInTheStudentIdAreEscapedAndTheIdCutShort() throws Exception {
        String id = "\u001b[31mred\u0007\rbell\tx" + "y".repeat(150);
        try (MathServer server = MathServers.start(Dialects.STATUS, 5)) {
            sendAndAwaitClose(server.port(), ("cs5700fall2020 HELLO " + id + "\n").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> sessionLines().size() == 1);
        }

        String line = sessionLines().get(0);
        assertThat(line)
                .contains("student='\\u001b[31mred\\u0007\\rbell\\txyyyyyyyy'… (166 chars)")
                .doesNotContain("y".repeat(SessionLog.QUOTED_CHARS))
                .hasSizeLessThan(200);
        assertThat(line.chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Test
    void aHugeIdIsNeverLogged() throws Exception {
        byte[] hello = ("cs5700fall2020 HELLO " + "\u0007".repeat(1 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
        try (MathServer server = MathServers.start(Dialects.STATUS, 5)) {
            sendAndAwaitClose(server.port(), hello);
            await().atMost(Duration.ofSeconds(10)).until(() -> sessionLines().size() == 1);
        }

        assertThat(sessionLines().get(0))
                .isEqualTo(
                        "math server session ended: dialect=status transport=plain student=? outcome=PROTOCOL_VIOLATION"
                                + " answers=0");
    }

    @Test
    void linesBeyondTheBurstAndRateAreLeftOutAndCounted() {
        AtomicLong now = new AtomicLong();
        SessionLog sessions = new SessionLog(now::get);
        ServerOptions options = MathServers.options(Dialects.STATUS, 1);

        for (int i = 0; i < SessionLog.BURST + 30; i++) {
            sessions.ended(options, "id", ServerOutcome.CLIENT_CLOSED, 0);
        }
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        for (int i = 0; i < SessionLog.PER_SECOND + 5; i++) {
            sessions.ended(options, "id", ServerOutcome.CLIENT_CLOSED, 0);
        }

        List<String> lines = sessionLines();
        assertThat(lines).hasSize(SessionLog.BURST + SessionLog.PER_SECOND);
        assertThat(lines.get(SessionLog.BURST)).endsWith("answers=0 (30 earlier lines left out: over 20 a second)");
    }
}
