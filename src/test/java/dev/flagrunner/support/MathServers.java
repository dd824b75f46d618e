package dev.flagrunner.support;

import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.mathserver.ServerEvents;
import dev.flagrunner.mathserver.ServerOptions;
import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SessionListener;
import dev.flagrunner.protocol.SocketOpener;
import java.io.IOException;
import java.time.Duration;

/**
 * The real reference server on 127.0.0.1 for tests, started on a free port: the caller closes it (try-with-resources
 * or an {@code @AfterEach}).
 */
public final class MathServers {

    private MathServers() {}

    /** Options for a loopback server of this dialect asking exactly {@code questions}, minting with {@code minter}. */
    public static ServerOptions options(Dialect dialect, FlagMinter minter, int questions) {
        return builder(dialect, minter, questions).build();
    }

    /** As {@link #options(Dialect, FlagMinter, int)}, to be changed before it is built. */
    public static ServerOptions.Builder builder(Dialect dialect, FlagMinter minter, int questions) {
        return ServerOptions.builder(dialect, minter, questions, questions);
    }

    /** As {@link #options(Dialect, int)}, to be changed before it is built. */
    public static ServerOptions.Builder builder(Dialect dialect, int questions) {
        return builder(dialect, Flags.TEST_MINTER, questions);
    }

    /** Options for a loopback server of this dialect asking exactly {@code questions}, minting with {@link Flags#TEST_MINTER}. */
    public static ServerOptions options(Dialect dialect, int questions) {
        return options(dialect, Flags.TEST_MINTER, questions);
    }

    /** A started server with these options that reports to no one. */
    public static MathServer start(ServerOptions options) throws IOException {
        return start(options, ServerEvents.NONE);
    }

    public static MathServer start(ServerOptions options, ServerEvents events) throws IOException {
        return new MathServer(options, events).start();
    }

    /** A started server of this dialect asking exactly {@code questions}, minting with {@link Flags#TEST_MINTER}. */
    public static MathServer start(Dialect dialect, int questions) throws IOException {
        return start(options(dialect, questions));
    }

    /** The flag our client captures from this plain server as student 001234567, or the session's failure. */
    public static String capture(MathServer server) throws SessionFailure {
        return session(server).run();
    }

    /** Our client's session with this plain server as student 001234567, in the dialect's default class. */
    public static ClientSession session(MathServer server) {
        Dialect dialect = server.options().dialect();
        return new ClientSession(
                SessionSpecs.of(
                        "127.0.0.1",
                        server.port(),
                        dialect,
                        dialect.defaultClassId(),
                        "001234567",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5)),
                SocketOpener.plain(),
                SessionListener.NONE);
    }
}
