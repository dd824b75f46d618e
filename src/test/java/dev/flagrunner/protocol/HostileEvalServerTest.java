package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.net.NoGuardLeftBehind;
import dev.flagrunner.support.ScriptedServer;
import dev.flagrunner.support.SessionSpecs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many sessions against an eval server that sends a question of the dialect's whole 1 MiB limit: legal, and
 * every session's buffer grows to hold it. Every server holds back its question's line feed until all the
 * questions' bytes are out (or their clients have gone), so the sessions' buffers are full at the same moment:
 * at most as many as the shared budget holds get their question; the others fail with {@code MEMORY_BUDGET}
 * instead of growing, and the budget is whole again at the end. Bounded: {@value #SESSIONS} servers and
 * sessions, each ending by the read timeout at the latest.
 */
@ExtendWith(NoGuardLeftBehind.class)
class HostileEvalServerTest {

    private static final int SESSIONS = 24;
    private static final long BUDGET = 4L << 20;
    private static final Dialect DIALECT = Dialects.EVAL2021;
    private static final String CLS = DIALECT.defaultClassId();
    private static final String FLAG = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** A question of just under 1 MiB without its line feed: 1 + 1 + … (an easy sum, 262,139 additions). */
    private static final byte[] QUESTION = question();

    private static byte[] question() {
        String prefix = CLS + " " + DIALECT.questionKeyword() + " 1";
        int additions = (Dialects.EVAL_MAX_MESSAGE - prefix.length()) / 4;
        return (prefix + " + 1".repeat(additions)).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sessionsBeyondTheBudgetFailWithMemoryBudgetAndTheOthersCaptureTheirFlag() throws Exception {
        assertThat(QUESTION.length)
                .isLessThanOrEqualTo(DIALECT.maxMessageLength())
                .isGreaterThan(1 << 19);
        BytesInFlight budget = new BytesInFlight(BUDGET);
        CountDownLatch allSent = new CountDownLatch(SESSIONS);
        List<ScriptedServer> servers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                ScriptedServer server = new ScriptedServer(c -> {
                    c.readLine();
                    try {
                        c.send(QUESTION);
                    } finally {
                        allSent.countDown(); // sent, or the client went away
                    }
                    allSent.await(30, TimeUnit.SECONDS);
                    c.send("\n");
                    c.readLine();
                    c.send(CLS + " " + FLAG + " BYE\n");
                    c.awaitClientClose();
                });
                servers.add(server);
                ClientSession session = new ClientSession(
                        SessionSpecs.of(
                                "127.0.0.1",
                                server.port(),
                                DIALECT,
                                CLS,
                                "001234567",
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(30)),
                        SocketOpener.plain(),
                        SessionListener.NONE,
                        budget);
                outcomes.add(clients.submit(() -> outcome(session)));
            }

            List<String> ended = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                ended.add(outcome.get(60, TimeUnit.SECONDS));
            }

            Map<String, Long> counts =
                    ended.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.keySet()).as("%s", counts).isSubsetOf("captured", "MEMORY_BUDGET");
            // A whole question holds 1 MiB + 2 - 8 KiB of the budget: at most four at once in 4 MiB.
            assertThat(counts.getOrDefault("MEMORY_BUDGET", 0L))
                    .as("%s", counts)
                    .isGreaterThanOrEqualTo(SESSIONS - 4);
            assertThat(budget.taken())
                    .as("every session gave back what it took")
                    .isZero();
            for (ScriptedServer server : servers) {
                assertThat(server.awaitDone(30)).as("the server's script ended").isTrue();
            }
        } finally {
            clients.shutdownNow();
            for (ScriptedServer server : servers) {
                server.close();
            }
        }
    }

    private static String outcome(ClientSession session) {
        try {
            assertThat(session.run()).isEqualTo(FLAG);
            return "captured";
        } catch (SessionFailure f) {
            if (f.reason() == FailureReason.MEMORY_BUDGET) {
                assertThat(f.detail())
                        .startsWith("message 1: the message reached ")
                        .endsWith("held the whole budget of " + BUDGET
                                + " bytes in flight (flagrunner.session.max-bytes-in-flight)");
            }
            return f.reason().name() + (f.reason() == FailureReason.MEMORY_BUDGET ? "" : ": " + f.detail());
        }
    }
}
