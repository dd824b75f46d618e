package dev.flagrunner.mathserver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event-loop threads of every math server listener in the process: one thread accepts for all of them,
 * and a few (one per core, at least two) run every connection's pipeline. Connections cost a channel and
 * its buffers, never a thread, so a flood of held connections adds no thread (issue 20: 8,000 connections
 * were 8,052 threads). The threads are daemons and live as long as the process: a listener closes its
 * channels, not the loops, so the next listener (a test, the service's next start) finds them ready.
 *
 * <p>On Linux the loops use netty's epoll transport, where it loads: a question's round trip then costs fewer
 * system calls and less Java than over NIO's selector (bench/README.md, row (b)); elsewhere NIO.
 */
final class EventLoops {

    /** Worker threads: one per core, at least two, so one busy TLS handshake never stalls every session. */
    static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private EventLoops() {}

    private static final class Shared {
        static final boolean EPOLL = Epoll.isAvailable();
        static final EventLoopGroup BOSS =
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mathserver-accept", true), io());
        static final EventLoopGroup WORKER =
                new MultiThreadIoEventLoopGroup(WORKERS, new DefaultThreadFactory("mathserver-io", true), io());

        private static IoHandlerFactory io() {
            return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        }
    }

    /** The group that accepts, for every listener. */
    static EventLoopGroup boss() {
        return Shared.BOSS;
    }

    /** The group that serves every connection. */
    static EventLoopGroup workers() {
        return Shared.WORKER;
    }

    /** The listening channel's class for these loops. */
    static Class<? extends ServerSocketChannel> serverChannel() {
        return Shared.EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
