package dev.flagrunner.net;

import java.io.Closeable;
import java.io.IOException;

/** Closing sockets where a failure to close changes nothing: the one home of "close it, quietly". */
public final class Sockets {

    private Sockets() {}

    /**
     * Closes a socket or a listener, ignoring a failure: it comes after the error worth reporting, or
     * while shutting down, and a socket that cannot even close leaves nothing to do. Null is allowed (a
     * socket not yet created).
     */
    public static void closeQuietly(Closeable socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // See above: nothing left to do.
        }
    }
}
