package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flagrunner.net.NoGuardLeftBehind;
import dev.flagrunner.support.ScriptedServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session's wall-clock limit ({@code maxDuration}): servers that would hold a session for as long as they
 * like end it with {@code SESSION_TIMEOUT}. The read timeout and the question limit are far beyond what these
 * servers reach, so any other ending is another reason: the tests assert reasons, never durations.
 */
@ExtendWith(NoGuardLeftBehind.class)
class SessionTimeLimitTest {

    private static final Duration LIMIT = Duration.ofMillis(300);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final String SUFFIX = " (flagrunner.session.max-duration, client --max-duration)";

    private static SessionFailure failureAgainst(ScriptedServer.Script script) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            ClientSession session = new ClientSession(
                    new SessionSpec(
                            "127.0.0.1",
                            server.port(),
                            Dialects.STATUS,
                            "cs5700fall2020",
                            "001234567",
                            Duration.ofSeconds(2),
                            READ_TIMEOUT,
                            SessionSpec.DEFAULT_MAX_QUESTIONS,
                            LIMIT),
                    SocketOpener.plain(),
                    SessionListener.NONE);
            SessionFailure failure = assertThrows(SessionFailure.class, session::run);
            assertThat(server.awaitDone(10)).as("the client closed its socket").isTrue();
            return failure;
        }
    }

    @Test
    void aServerThatGoesQuietEndsTheSessionAtItsLimitNotAtTheReadTimeout() throws Exception {
        SessionFailure f = failureAgainst(ScriptedServer.oneQuestionThenQuiet("cs5700fall2020 STATUS 1 + 2"));

        assertThat(f.reason()).isEqualTo(FailureReason.SESSION_TIMEOUT);
        assertThat(f.detail()).isEqualTo("the session reached its limit of 300 ms after answer 1" + SUFFIX);
    }

    @Test
    void aServerThatAsksQuicklyForeverIsStoppedAtItsNextMessage() throws Exception {
        AtomicInteger answers = new AtomicInteger();

        SessionFailure f = failureAgainst(ScriptedServer.askForever("cs5700fall2020", answers));

        assertThat(f.reason()).isEqualTo(FailureReason.SESSION_TIMEOUT);
        // The limit may cut the write of an answer as well as the wait for the next question (README: a read or
        // write in progress is cut at the limit); on a loaded machine it did ("while sending answer 1690").
        assertThat(f.detail())
                .matches("the session reached its limit of 300 ms (after|while sending) answer [1-9][0-9]*"
                        + java.util.regex.Pattern.quote(SUFFIX));
        assertThat(answers).hasPositiveValue();
    }

    @Test
    void aServerThatNeverReadsEndsTheSessionToo() throws Exception {
        // Its questions keep coming, so the client answers until its writes block or the limit comes first.
        SessionFailure f = failureAgainst(ScriptedServer.flood("cs5700fall2020 STATUS 1 + 1"));

        assertThat(f.reason()).isEqualTo(FailureReason.SESSION_TIMEOUT);
        assertThat(f.detail())
                .matches("the session reached its limit of 300 ms (after|while sending) answer [1-9][0-9]*"
                        + java.util.regex.Pattern.quote(SUFFIX));
    }

    @Test
    void aLimitIsPositiveAndAtMostADay() {
        for (Duration bad : new Duration[] {
            Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(1).plusMillis(1)
        }) {
            assertThatThrownBy(() -> new SessionSpec(
                            "127.0.0.1",
                            1,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            "1",
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(1),
                            1,
                            bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the session's time limit must be positive and at most PT24H");
        }
    }
}
