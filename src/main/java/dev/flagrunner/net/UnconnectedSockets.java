package dev.flagrunner.net;

import java.io.IOException;
import java.net.Socket;

/**
 * Makes the socket a session connects, before it connects: a fresh one by default, or one the caller prepares
 * (the service binds its sessions against its own embedded server to a registered port first).
 */
@FunctionalInterface
public interface UnconnectedSockets {

    /** Plain sessions read through their own line buffer; TLS ones through {@link ReadBufferedSocket}. */
    UnconnectedSockets FRESH = tls -> tls ? new ReadBufferedSocket() : new Socket();

    /** An unconnected socket; for TLS one whose input is read-buffered. */
    Socket create(boolean tls) throws IOException;
}
