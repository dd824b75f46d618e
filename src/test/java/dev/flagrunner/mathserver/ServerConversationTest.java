package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.MathServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** How the reference server ends a conversation that does not reach the flag: what it says, and the outcome. */
class ServerConversationTest {

    private final BlockingQueue<ServerOutcome> outcomes = new ArrayBlockingQueue<>(4);

    @Test
    void aHelloOfTheWrongShapeIsClosedWithoutAWord() throws Exception {
        String said = converse(Dialects.STATUS, UnaryOperator.identity(), "cs5700fall2020 HELLO\n", null);

        assertThat(said).isEmpty();
        assertThat(outcome()).isEqualTo(ServerOutcome.PROTOCOL_VIOLATION);
    }

    @Test
    void anUnknownStudentIsToldSo() throws Exception {
        String said = converse(
                Dialects.STATUS,
                options -> options.toBuilder().knownStudents(Set.of("1")).build(),
                "cs5700fall2020 HELLO 2\n",
                null);

        assertThat(said).isEqualTo("cs5700fall2020 Unknown_Husky_ID BYE\n");
        assertThat(outcome()).isEqualTo(ServerOutcome.UNKNOWN_STUDENT);
    }

    @Test
    void aWrongAnswerEndsTheSessionWithTheDialectsFailureLine() throws Exception {
        String said = converse(Dialects.EECE, UnaryOperator.identity(), "EECE7374 INTR 1", "EECE7374 RSLT nonsense");

        assertThat(said).startsWith("EECE7374 EXPR ").endsWith("EECE7374 FAIL");
        assertThat(outcome()).isEqualTo(ServerOutcome.WRONG_ANSWER);
    }

    @Test
    void aWrongAnswerInADialectWithoutAFailureLineIsClosedSilently() throws Exception {
        String said =
                converse(Dialects.STATUS, UnaryOperator.identity(), "cs5700fall2020 HELLO 1\n", "cs5700fall2020 x\n");

        assertThat(said).startsWith("cs5700fall2020 STATUS ").hasLineCount(1);
        assertThat(outcome()).isEqualTo(ServerOutcome.WRONG_ANSWER);
    }

    @Test
    void aClientGoneBeforeItsAnswerIsClientClosed() throws Exception {
        converse(Dialects.STATUS, UnaryOperator.identity(), "cs5700fall2020 HELLO 1\n", null);

        assertThat(outcome()).isEqualTo(ServerOutcome.CLIENT_CLOSED);
    }

    /**
     * Sends the hello; when {@code answer} is given, waits for the first question's first bytes and sends
     * it. Then stops sending and returns everything the server said until it closed.
     */
    private String converse(Dialect dialect, UnaryOperator<ServerOptions> configure, String hello, String answer)
            throws IOException {
        ServerOptions options = configure.apply(MathServers.options(dialect, 3));
        try (MathServer server = MathServers.start(options, (o, outcome) -> outcomes.add(outcome));
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            out.write(hello.getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder said = new StringBuilder();
            if (answer != null) {
                byte[] first = new byte[4096];
                int n = in.read(first);
                said.append(new String(first, 0, Math.max(n, 0), StandardCharsets.UTF_8));
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            client.shutdownOutput();
            return said.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .toString();
        }
    }

    private ServerOutcome outcome() throws InterruptedException {
        return outcomes.poll(10, TimeUnit.SECONDS);
    }
}
