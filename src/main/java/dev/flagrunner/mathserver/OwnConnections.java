package dev.flagrunner.mathserver;

import dev.flagrunner.net.UnconnectedSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own connections to its embedded server, told apart from every other by their address and port on
 * this side: a socket of the service's client is bound to a loopback port before it connects, and that address
 * is registered here while the socket is open. No other socket of any process can hold that address and port at
 * the same time (neither socket sets SO_REUSEADDR or SO_REUSEPORT, so the kernel refuses a second bind), so an
 * accepted connection whose peer is a registered address is the service's own: nothing to guess and nothing
 * to steal. {@link ConnectionBudget} admits them beside its outside cap, so outside connections cannot crowd them out.
 */
public final class OwnConnections {

    private static final OwnConnections NONE = new OwnConnections();

    /** The service's bound sockets by their address; closed ones count for nothing and are pruned at each new one. */
    private final Map<InetSocketAddress, Socket> bound = new ConcurrentHashMap<>();

    /** An empty registry, for a server that has no own client (the stand-alone server). */
    public static OwnConnections none() {
        return NONE;
    }

    public OwnConnections() {}

    boolean isOwn(InetSocketAddress peer) {
        Socket socket = bound.get(peer);
        return socket != null && !socket.isClosed();
    }

    /** Registered sockets not closed yet (for tests). */
    public int open() {
        return (int) bound.values().stream().filter(s -> !s.isClosed()).count();
    }

    /** Sockets for the service's sessions against its embedded server: bound to loopback and registered. */
    public UnconnectedSockets sockets() {
        return tls -> {
            bound.values().removeIf(Socket::isClosed);
            Socket socket = UnconnectedSockets.FRESH.create(tls);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            bound.put((InetSocketAddress) socket.getLocalSocketAddress(), socket);
            return socket;
        };
    }
}
