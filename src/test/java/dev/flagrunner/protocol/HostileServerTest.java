package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flagrunner.net.NoGuardLeftBehind;
import dev.flagrunner.support.ScriptedServer;
import dev.flagrunner.support.SessionSpecs;
import dev.flagrunner.tls.ClientTls;
import dev.flagrunner.tls.ServerCertificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against servers that misbehave: each case ends in its specific reason within the read
 * timeout (plus a margin for a loaded machine), and nothing is left behind: the server's thread ends
 * (the client closed its socket) and the session's read-timeout guard is gone.
 */
@ExtendWith(NoGuardLeftBehind.class)
class HostileServerTest {

    private static final String FLAG = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    /** The longest a session may take here: every case ends by the read timeout (one tick late at most). */
    private static final Duration BOUND = READ_TIMEOUT.plusSeconds(5);

    /** Runs a session that must fail, within {@link #BOUND}. */
    private static SessionFailure failureOf(ClientSession session) {
        return assertTimeoutPreemptively(
                BOUND,
                () -> assertThrows(SessionFailure.class, session::run),
                "the session ends within the read timeout");
    }

    /** Runs a session that must capture a flag, within {@link #BOUND}. */
    private static String flagOf(ClientSession session) {
        return assertTimeoutPreemptively(BOUND, session::run, "the session ends within the read timeout");
    }

    /** A plain session to 127.0.0.1:{@code port} with this test's timeouts. */
    private static ClientSession plainSession(int port, Dialect dialect, String classId, String studentId) {
        return plainSession(port, dialect, classId, studentId, SessionSpec.DEFAULT_MAX_QUESTIONS);
    }

    private static ClientSession plainSession(
            int port, Dialect dialect, String classId, String studentId, int maxQuestions) {
        return new ClientSession(
                new SessionSpec(
                        "127.0.0.1",
                        port,
                        dialect,
                        classId,
                        studentId,
                        Duration.ofSeconds(2),
                        READ_TIMEOUT,
                        maxQuestions,
                        SessionSpec.DEFAULT_MAX_DURATION),
                SocketOpener.plain(),
                SessionListener.NONE);
    }

    private static SessionFailure failureAgainst(ScriptedServer.Script script) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            ClientSession session = plainSession(server.port(), Dialects.STATUS, "cs5700fall2020", "001234567");
            SessionFailure failure = failureOf(session);
            assertThat(server.awaitDone(10))
                    .as("the server's script ended: the client closed its socket")
                    .isTrue();
            return failure;
        }
    }

    @Test
    void aServerThatNeverAcceptsIsAConnectTimeout() throws Exception {
        // A listener that never accepts, with its accept queue full: the kernel drops further SYNs.
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> queued = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        queued.add(s);
                    } catch (java.net.SocketTimeoutException filled) {
                        s.close();
                        break;
                    }
                }
                ClientSession session = new ClientSession(
                        SessionSpecs.of(
                                "127.0.0.1",
                                full.getLocalPort(),
                                Dialects.STATUS,
                                "cs5700fall2020",
                                "1",
                                Duration.ofMillis(300),
                                READ_TIMEOUT),
                        SocketOpener.plain(),
                        SessionListener.NONE);

                SessionFailure f = failureOf(session);

                assertThat(f.reason()).isEqualTo(FailureReason.CONNECT_TIMEOUT);
                assertThat(f.detail())
                        .isEqualTo("no connection to 127.0.0.1:" + full.getLocalPort() + " within 300 ms");
            } finally {
                for (java.net.Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aBugOfOursIsAnInternalErrorNotACrash() {
        SocketOpener broken = (host, port, connect) -> {
            throw new IllegalStateException("boom");
        };
        ClientSession session = new ClientSession(
                SessionSpecs.of(
                        "127.0.0.1", 1, Dialects.STATUS, "cs5700fall2020", "1", Duration.ofSeconds(1), READ_TIMEOUT),
                broken,
                SessionListener.NONE);

        SessionFailure f = failureOf(session);

        assertThat(f.reason()).isEqualTo(FailureReason.INTERNAL_ERROR);
        assertThat(f.detail()).isEqualTo("unexpected IllegalStateException");
    }

    @Test
    void garbageBytesAreAMalformedMessage() throws Exception {
        byte[] garbage = new byte[200];
        for (int i = 0; i < garbage.length; i++) {
            // Compare the byte, not the int: (byte) (21 * 37 + 1) is 0x0a.
            byte b = (byte) (i * 37 + 1);
            garbage[i] = b == '\n' ? 0 : b;
        }
        assertThat(garbage).as("one line: no line feed inside").doesNotContain((byte) '\n');
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send(garbage);
            c.send("\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
        assertThat(f.detail())
                .isEqualTo("wrong class string (expected 'cs5700fall2020') in message 1:"
                        + " not quoted (not the dialect's): 200 characters: letters, digits, punctuation,"
                        + " control characters, non-ASCII");
    }

    @Test
    void aTenMegabyteLineIsLineTooLongWithoutReadingItAll() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            try {
                for (int i = 0; i < 160; i++) {
                    c.send(chunk);
                }
                c.send("\n");
            } catch (java.io.IOException closedByClient) {
                // Expected: the client stops reading and closes long before 10 MB.
            }
        });

        assertThat(f.reason()).isEqualTo(FailureReason.LINE_TOO_LONG);
        assertThat(f.detail()).isEqualTo("message 1: line length (at least 257) exceeds the allowed maximum (256)");
    }

    @Test
    void aLineWithoutEndIsAReadTimeout() throws Exception {
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 STATUS 1 +");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.READ_TIMEOUT);
        assertThat(f.detail()).isEqualTo("no message from the server within 1500 ms after HELLO");
    }

    @Test
    void nothingAtAllIsAReadTimeout() throws Exception {
        SessionFailure f = failureAgainst(ScriptedServer.Conversation::awaitClientClose);

        assertThat(f.reason()).isEqualTo(FailureReason.READ_TIMEOUT);
    }

    @Test
    void halfAMessageThenCloseIsServerClosed() throws Exception {
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 STATUS 1 + 2\n");
            c.readLine();
            c.send("cs5700fall2020 STAT");
        });

        assertThat(f.reason()).isEqualTo(FailureReason.SERVER_CLOSED);
        assertThat(f.detail())
                .isEqualTo("the server closed the connection in the middle of message 2"
                        + " (19 characters without an end) after answer 1");
    }

    @Test
    void aWrongClassStringIsAMalformedMessage() throws Exception {
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2019 STATUS 1 + 2\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
        assertThat(f.detail())
                .isEqualTo("wrong class string (expected 'cs5700fall2020') in message 1:"
                        + " not quoted (not the dialect's): 27 characters: letters, digits, spaces, punctuation");
    }

    @Test
    void anotherServicesBannerWithASecretIsNeverQuoted() throws Exception {
        // An SSH-style server speaks first; the client reads its banner (CR LF: the CR is dropped with the LF)
        // as the answer to HELLO.
        SessionFailure f = failureAgainst(c -> {
            c.send("SSH-2.0-x password=hunter2\r\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
        assertThat(f.detail())
                .isEqualTo("wrong class string (expected 'cs5700fall2020') in message 1:"
                        + " not quoted (not the dialect's): 26 characters: letters, digits, spaces, punctuation")
                .doesNotContain("hunter2")
                .doesNotContain("SSH")
                .doesNotContain("password");
    }

    @Test
    void aQuestionWithTooFewFieldsIsAMalformedMessage() throws Exception {
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 STATUS 1 +\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
        assertThat(f.detail())
                .isEqualTo("question 1 (message 1): expected a number at column 4, found end of input: '1 +'");
    }

    @Test
    void aByeWithA63CharacterFlagIsMalformedAndNotQuoted() throws Exception {
        String flag63 = FLAG.substring(1);
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 " + flag63 + " BYE\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
        assertThat(f.detail()).contains("63 characters").doesNotContain(flag63);
    }

    @Test
    void aQuestionEndingInADecimalFlagIsMalformedAndNoPartOfTheFlagIsQuoted() throws Exception {
        // The scanner's own message quotes the offending token (up to 20 characters): here the flag's start.
        String decimalFlag = "31415926535897932384626433832795028841971693993751058209749445923";
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 STATUS 1 " + decimalFlag + "\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
        assertThat(f.detail())
                .isEqualTo("question 1 (message 1): malformed at column 3: not quoted (it may carry a"
                        + " flag): 2 fields of 1, 65 characters")
                .doesNotContain(decimalFlag.substring(0, 8));
        assertThat(f)
                .as("the evaluator's exception quotes the token; a log could print it")
                .hasNoCause();
    }

    @Test
    void aServerThatNeverStopsAskingEndsAtTheQuestionLimitAfterThatManyAnswers() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.askForever("cs5700fall2020", answers))) {
            ClientSession session = plainSession(server.port(), Dialects.STATUS, "cs5700fall2020", "001234567", 1_000);

            SessionFailure f = failureOf(session);

            assertThat(f.reason()).isEqualTo(FailureReason.TOO_MANY_QUESTIONS);
            assertThat(f.detail())
                    .isEqualTo("the server asked question 1001, more than the limit of 1000 questions"
                            + " (flagrunner.session.max-questions, client --max-questions)");
            assertThat(server.awaitDone(10)).isTrue();
            assertThat(answers).hasValue(1_000);
            assertThat(session.answered()).isEqualTo(1_000);
        }
    }

    @Test
    void unknownHuskyIdIsUnknownStudent() throws Exception {
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 Unknown_Husky_ID BYE\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.UNKNOWN_STUDENT);
    }

    @Test
    void aDivisionByZeroInStatusIsUnsupported() throws Exception {
        SessionFailure f = failureAgainst(c -> {
            c.readLine();
            c.send("cs5700fall2020 STATUS 5 / 0\n");
            c.awaitClientClose();
        });

        assertThat(f.reason()).isEqualTo(FailureReason.UNSUPPORTED_EXPRESSION);
    }

    @Test
    void anEvalDivisionByZeroIsAnsweredWithErrAndTheSessionGoesOn() throws Exception {
        StringBuilder received = new StringBuilder();
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readLine();
            c.send("cs5700fall2022 EVAL ( 0 * ( 1 // 0 ) )\n");
            received.append(c.readLine()).append('|');
            c.send("cs5700fall2022 EVAL ( ( 1 <<^ -1 ) // 2 )\n");
            received.append(c.readLine()).append('|');
            c.send("cs5700fall2022 BYE " + FLAG + "\n");
            c.awaitClientClose();
        })) {
            String flag = flagOf(plainSession(server.port(), Dialects.EVAL2022, "cs5700fall2022", "adil.r"));

            assertThat(flag).isEqualTo(FLAG);
        }
        assertThat(received).hasToString("cs5700fall2022 ERR #DIV/0|cs5700fall2022 STATUS -4097|");
    }

    @Test
    void eeceFailIsAnswerRejectedEvenWithASuccBehindIt() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            byte[] hello = new byte[64];
            int n = c.socket().getInputStream().read(hello);
            assertThat(new String(hello, 0, n, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("EECE7374 INTR 001234567");
            c.send("EECE7374 FAILEECE7374 SUCC " + FLAG);
            c.awaitClientClose();
        })) {
            ClientSession session = plainSession(server.port(), Dialects.EECE, "EECE7374", "001234567");

            SessionFailure f = failureOf(session);

            assertThat(f.reason()).isEqualTo(FailureReason.ANSWER_REJECTED);
            assertThat(f.detail())
                    .isEqualTo("the server rejected answer 0 (FAIL)")
                    .doesNotContain(FLAG);
            assertThat(server.awaitDone(10)).isTrue();
        }
    }

    @Test
    void aQuestionWithASuccGluedToItIsMalformedAndNotQuoted() throws Exception {
        // One read holding the last question and the SUCC: the payload then ends in the flag.
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.socket().getInputStream().read(new byte[64]);
            c.send("EECE7374 EXPR 1 + 2EECE7374 SUCC " + FLAG);
            c.awaitClientClose();
        })) {
            ClientSession session = plainSession(server.port(), Dialects.EECE, "EECE7374", "001234567");

            SessionFailure f = failureOf(session);

            assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
            assertThat(f.detail())
                    .startsWith("question 1 (message 1): ")
                    .endsWith(": not quoted (it may carry a flag): 5 fields of 1, 1, 9, 4, 64 characters")
                    .doesNotContain(FLAG.substring(0, 12));
            assertThat(server.awaitDone(10)).isTrue();
        }
    }

    @Test
    void aServerThatNeverReadsIsAReadTimeoutNotAHang() throws Exception {
        assertNotReadingIsAReadTimeout(null, SocketOpener.plain());
    }

    @Test
    void aTlsServerThatNeverReadsIsAReadTimeoutNotAHang() throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned();
        assertNotReadingIsAReadTimeout(
                certificate.sslContext(), SocketOpener.tls(ClientTls.create(certificate.trustMode())));
    }

    /** Questions without end and never a read: the client's answers fill the buffers and its write blocks. */
    private static void assertNotReadingIsAReadTimeout(SSLContext tls, SocketOpener opener) throws Exception {
        try (ScriptedServer server = new ScriptedServer(tls, ScriptedServer.flood("cs5700fall2020 STATUS 1 + 2"))) {
            ClientSession session = new ClientSession(
                    SessionSpecs.of(
                            "127.0.0.1",
                            server.port(),
                            Dialects.STATUS,
                            "cs5700fall2020",
                            "001234567",
                            Duration.ofSeconds(2),
                            Duration.ofMillis(500)),
                    opener,
                    SessionListener.NONE);

            SessionFailure f = assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> assertThrows(SessionFailure.class, session::run));

            assertThat(f.reason()).isEqualTo(FailureReason.READ_TIMEOUT);
            assertThat(f.detail()).matches("could not send answer \\d+ within 500 ms: the server is not reading");
            assertThat(server.awaitDone(10))
                    .as("the server's write failed: the client closed its socket")
                    .isTrue();
        }
    }

    @Test
    void aTlsSessionBlockedInAWriteCanBeCancelled() throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned();
        try (ScriptedServer server =
                new ScriptedServer(certificate.sslContext(), ScriptedServer.flood("cs5700fall2020 STATUS 1 + 2"))) {
            // A read timeout far beyond the test: only cancel() can end the blocked write.
            ClientSession session = new ClientSession(
                    SessionSpecs.of(
                            "127.0.0.1",
                            server.port(),
                            Dialects.STATUS,
                            "cs5700fall2020",
                            "001234567",
                            Duration.ofSeconds(2),
                            Duration.ofMinutes(10)),
                    SocketOpener.tls(ClientTls.create(certificate.trustMode())),
                    SessionListener.NONE);
            CompletableFuture<SessionFailure> ended =
                    CompletableFuture.supplyAsync(() -> assertThrows(SessionFailure.class, session::run));
            // The answers fill the buffers: the answer count stops growing once the write blocks.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(new Stalled(session::answered));

            assertTimeoutPreemptively(Duration.ofSeconds(5), session::cancel, "cancel() returns at once");
            SessionFailure f = ended.get(5, TimeUnit.SECONDS);

            assertThat(f.reason()).isEqualTo(FailureReason.CANCELLED);
            assertThat(server.awaitDone(10)).isTrue();
        }
    }

    /** True once a counter read twice in a row is unchanged (Awaitility polls it). */
    private static final class Stalled implements java.util.concurrent.Callable<Boolean> {
        private final java.util.function.IntSupplier counter;
        private int last = -1;

        Stalled(java.util.function.IntSupplier counter) {
            this.counter = counter;
        }

        @Override
        public Boolean call() {
            int now = counter.getAsInt();
            boolean stalled = now > 0 && now == last;
            last = now;
            return stalled;
        }
    }

    @Test
    void theClientSendsExactlyOneLineFeedAndAnswersPipelinedQuestionsInOrder() throws Exception {
        StringBuilder received = new StringBuilder();
        try (ScriptedServer server = new ScriptedServer(c -> {
            received.append(c.readLine()).append('|');
            // Two questions before reading any answer: a pipelining server (a real CS230 mode).
            c.send("cs5700fall2020 STATUS 1 + 2\ncs5700fall2020 STATUS 10 / 3\n");
            received.append(c.readLine()).append('|').append(c.readLine()).append('|');
            c.send("cs5700fall2020 " + FLAG + " BYE\n");
            c.awaitClientClose();
        })) {
            String flag = flagOf(plainSession(server.port(), Dialects.STATUS, "cs5700fall2020", "007"));

            assertThat(flag).isEqualTo(FLAG);
            assertThat(server.awaitDone(10)).isTrue();
        }
        assertThat(received).hasToString("cs5700fall2020 HELLO 007|cs5700fall2020 3|cs5700fall2020 3|");
    }
}
