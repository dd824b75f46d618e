package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.support.MathServers;
import io.netty.channel.Channel;
import io.netty.channel.DefaultChannelPipeline;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Accepts that keep failing (as when the process is out of file descriptors) are logged under the server log's
 * rate limit, not once each by the pipeline's tail, and the listener accepts again afterwards. The failures are
 * fired where netty's transport fires a failed accept: at the head of the listener's real pipeline.
 */
@Timeout(60)
class AcceptFailureTest {

    private static final int FAILURES = 5_000;

    private final Logger serverLogger = (Logger) LoggerFactory.getLogger(MathServer.class);
    private final Logger tailLogger = (Logger) LoggerFactory.getLogger(DefaultChannelPipeline.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        serverLogger.addAppender(log);
        tailLogger.addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        serverLogger.detachAppender(log);
        tailLogger.detachAppender(log);
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void aFloodOfFailedAcceptsWritesABoundedLogAndTheListenerServesAgain() throws Exception {
        try (MathServer server = MathServers.start(Dialects.STATUS, 3)) {
            Channel listener = server.listener();
            listener.eventLoop()
                    .submit(() -> {
                        for (int i = 0; i < FAILURES; i++) {
                            listener.pipeline().fireExceptionCaught(new IOException("Too many open files"));
                        }
                    })
                    .sync();

            // The burst, and the few lines the rate refills while the loop runs: far fewer than the failures.
            assertThat(warnings())
                    .hasSizeBetween(SessionLog.BURST, 2 * SessionLog.BURST)
                    .allMatch(m -> m.startsWith("math server status (plain) accept failed:"
                            + " java.io.IOException: Too many open files; accepting again in 1 s"));

            // The acceptor paused accepting for a second; then an honest client is served again.
            await().atMost(Duration.ofSeconds(20))
                    .ignoreException(SessionFailure.class)
                    .until(() -> MathServers.capture(server).length() == 64);
        }
    }
}
