package dev.flagrunner.mathserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The connections one math server process takes, across all its listeners: at most {@code maxConnections} from
 * outside, at most {@code maxPerAddress} of them from one IP address, and beside them the service's own sessions
 * ({@link OwnConnections}), which outside connections can never crowd out. Those are not capped here: the service
 * caps them itself ({@code session.max-concurrent}), and a cap here would refuse a session that starts the moment
 * the last one ended, before this side has seen that connection close. A connection
 * over a cap is closed at once, before a byte of it is read; memory per connection is bounded by the framing's
 * caps, so the caps bound the memory of the whole server.
 */
public final class ConnectionBudget {

    /** Enough for a class of a few hundred students with a connection or two each; about 60 MB at most. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** One student, or a few behind one NAT, cannot hold more than this; raise it for a lab behind one address. */
    public static final int DEFAULT_MAX_PER_ADDRESS = 64;

    private final int maxConnections;
    private final int maxPerAddress;
    private final OwnConnections own;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    /** The log of the listeners that share this budget, rate-limited for all of them together. */
    private final SessionLog log = new SessionLog(System::nanoTime);

    private int outside;
    private int owned;

    /** A budget without own connections: the stand-alone server, or a test's. */
    public ConnectionBudget(int maxConnections, int maxPerAddress) {
        this(maxConnections, maxPerAddress, OwnConnections.none());
    }

    public ConnectionBudget(int maxConnections, int maxPerAddress, OwnConnections own) {
        if (maxConnections < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException(
                    "connection caps must be positive: " + maxConnections + ", " + maxPerAddress);
        }
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.own = own;
    }

    public static ConnectionBudget defaults() {
        return new ConnectionBudget(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PER_ADDRESS);
    }

    /** Takes a slot for a connection from {@code peer}, or says which cap it is over. */
    synchronized Admission admit(InetSocketAddress peer) {
        if (own.isOwn(peer)) {
            owned++;
            return Admission.admitted(this, peer.getAddress(), true);
        }
        if (outside >= maxConnections) {
            return Admission.refused("at the cap of " + maxConnections + " connections");
        }
        InetAddress address = peer.getAddress();
        int fromAddress = perAddress.getOrDefault(address, 0);
        if (fromAddress >= maxPerAddress) {
            return Admission.refused("at the cap of " + maxPerAddress + " connections from one address");
        }
        perAddress.put(address, fromAddress + 1);
        outside++;
        return Admission.admitted(this, address, false);
    }

    synchronized void release(InetAddress address, boolean ownConnection) {
        if (ownConnection) {
            owned--;
            return;
        }
        outside--;
        perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    /** Open connections, own and outside ones. */
    public synchronized int active() {
        return outside + owned;
    }

    SessionLog log() {
        return log;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxPerAddress() {
        return maxPerAddress;
    }

    /** A connection's slot, or why it has none; {@link #release} gives the slot back once, however often called. */
    static final class Admission {

        private final ConnectionBudget budget;
        private final InetAddress address;
        private final boolean ownConnection;
        private final String refusal;
        private boolean released;

        private Admission(ConnectionBudget budget, InetAddress address, boolean ownConnection, String refusal) {
            this.budget = budget;
            this.address = address;
            this.ownConnection = ownConnection;
            this.refusal = refusal;
        }

        static Admission admitted(ConnectionBudget budget, InetAddress address, boolean own) {
            return new Admission(budget, address, own, null);
        }

        static Admission refused(String why) {
            return new Admission(null, null, false, why);
        }

        boolean admitted() {
            return refusal == null;
        }

        /** Which cap refused the connection. */
        String refusal() {
            return refusal;
        }

        /** Called on the connection's event loop only. */
        void release() {
            if (budget != null && !released) {
                released = true;
                budget.release(address, ownConnection);
            }
        }
    }
}
