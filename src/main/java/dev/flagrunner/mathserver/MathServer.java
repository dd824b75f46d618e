package dev.flagrunner.mathserver;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;

/**
 * One listener of the reference math server, on the process's shared event loops ({@link EventLoops}): a
 * connection is a channel with the dialect's framing ({@link Framer}), TLS through netty's {@link SslHandler} where
 * configured, and the {@link Conversation}. It takes connections as its {@link ConnectionBudget} allows, shared
 * with the other listeners of the process; one over a cap is closed at once, unread. Plain Java; the service wraps
 * it in a Spring lifecycle bean.
 */
public final class MathServer implements Closeable {

    /** Reads take at most this many bytes: with the framing's limits, what one connection can make the server hold. */
    static final int MAX_READ_BYTES = 4096;
    /** How long close() waits for the open connections to be closed (a TLS close_notify to a peer that never reads). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ServerOptions options;
    private final ServerEvents events;
    private final ConnectionBudget budget;
    private final Examiner examiner;
    private final SessionLog log;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private volatile Channel listener;
    private volatile boolean closed;

    /** A listener with a budget of its own, at the default caps. */
    public MathServer(ServerOptions options, ServerEvents events) {
        this(options, events, ConnectionBudget.defaults());
    }

    public MathServer(ServerOptions options, ServerEvents events, ConnectionBudget budget) {
        this.options = options;
        this.events = events;
        this.budget = budget;
        this.log = budget.log();
        this.examiner = new Examiner(options.dialect(), options.classId());
    }

    /** Binds and starts accepting; returns this server. */
    public synchronized MathServer start() throws IOException {
        if (listener != null || closed) {
            throw new IllegalStateException("already started");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(EventLoops.boss(), EventLoops.workers())
                .channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 512)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 1024, MAX_READ_BYTES))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        admit(channel);
                    }
                });
        try {
            listener = bootstrap
                    .bind(new InetSocketAddress(options.bindAddress(), options.port()))
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding", e);
        } catch (Exception e) {
            // sync() rethrows the bind's own exception (a BindException, say), checked or not.
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getMessage(), e);
        }
        // After netty's acceptor (which stops accepting for a second after a failed accept and passes the failure
        // on): the failure is logged here, under the log's rate limit, and goes no further.
        listener.pipeline().addLast("accept-failures", new AcceptFailures());
        return this;
    }

    /** The end of the listener's pipeline: a failed accept gets one rate-limited line, not the tail's warning. */
    private final class AcceptFailures extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.acceptFailed(options, cause);
        }
    }

    /** The listener's channel, where the tests make accepts fail; null before start. */
    Channel listener() {
        return listener;
    }

    /** Takes a slot for a new connection and builds its pipeline, or closes it at once when over a cap. */
    private void admit(SocketChannel channel) {
        ConnectionBudget.Admission admission = budget.admit(channel.remoteAddress());
        if (!admission.admitted()) {
            log.refused(options, admission.refusal());
            events.sessionEnded(options, ServerOutcome.BUSY);
            channel.close();
            return;
        }
        connections.add(channel);
        channel.closeFuture().addListener(f -> connections.remove(channel));
        if (closed) {
            admission.release();
            channel.close();
            return;
        }
        if (options.tls().isPresent()) {
            SSLEngine engine = options.tls().get().createSSLEngine();
            engine.setUseClientMode(false);
            SslHandler tls = new SslHandler(engine);
            tls.setHandshakeTimeoutMillis(options.idleTimeout().toMillis());
            channel.pipeline().addLast("plaintext-on-tls", new PlaintextOnTls()).addLast("tls", tls);
        }
        Framer framer = Framer.of(options.dialect(), Conversation.helloLimit(options));
        channel.pipeline()
                .addLast("framing", framer)
                .addLast("conversation", new Conversation(options, examiner, events, log, framer, admission));
    }

    public ServerOptions options() {
        return options;
    }

    /** The budget this listener takes its connections from (shared with the process's other listeners). */
    public ConnectionBudget budget() {
        return budget;
    }

    /** The bound port (the ephemeral one when configured with 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) listener.localAddress()).getAddress().getHostAddress();
    }

    /** True while the listener accepts connections. */
    public boolean isAccepting() {
        Channel c = listener;
        return c != null && c.isActive();
    }

    /** This listener's open connections. */
    public int activeConnections() {
        return connections.size();
    }

    /** Stops accepting and closes every open connection; the shared event loops stay for other listeners. */
    @Override
    public void close() {
        Channel c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = listener;
        }
        if (c == null) {
            return;
        }
        c.close().awaitUninterruptibly(CLOSE_WAIT.toMillis());
        long end = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (Channel connection : Set.copyOf(connections)) {
            connection.close();
        }
        for (Channel connection : Set.copyOf(connections)) {
            long left = end - System.nanoTime();
            if (left <= 0 || !connection.closeFuture().awaitUninterruptibly(Math.max(1, left / 1_000_000))) {
                break;
            }
        }
    }
}
