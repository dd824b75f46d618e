package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.MathServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A listener whose accept() keeps failing (as with EMFILE): the server backs off instead of spinning. */
class AcceptFailureTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MathServer.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final AtomicInteger accepts = new AtomicInteger();
    private MathServer server;

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        logger.detachAppender(log);
    }

    /** A real listener on 127.0.0.1 whose every accept fails as when the process is out of file descriptors. */
    private ServerSocket failingListener(ServerOptions options) throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                accepts.incrementAndGet();
                throw new IOException("Too many open files");
            }
        };
    }

    @Test
    void aFailingAcceptIsRetriedAboutTenTimesASecondWithOneWarning() throws Exception {
        server = new MathServer(
                        MathServers.options(Dialects.STATUS, 1),
                        ServerEvents.NONE,
                        this::failingListener,
                        MathServer.ACCEPT_BACKOFF)
                .start();
        await().atMost(Duration.ofSeconds(5)).until(() -> accepts.get() >= 1);
        int before = accepts.get();

        // For a whole second the count stays bounded: a 100 ms back-off allows ~10 attempts, a spin millions.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> accepts.get() - before <= 20);

        assertThat(log.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .hasSize(1)
                .first()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .isEqualTo("math server status accept failed: java.io.IOException: Too many open files;"
                        + " retrying every 100 ms");
    }

    @Test
    void closingEndsTheBackOffAtOnce() throws Exception {
        server = new MathServer(
                        MathServers.options(Dialects.STATUS, 1),
                        ServerEvents.NONE,
                        this::failingListener,
                        Duration.ofMinutes(10))
                .start();
        await().atMost(Duration.ofSeconds(5)).until(() -> accepts.get() >= 1);

        server.close();

        assertThat(server.awaitAcceptorEnd(Duration.ofSeconds(5)))
                .as("the acceptor ended long before its back-off")
                .isTrue();
        assertThat(accepts).hasValue(1);
    }
}
