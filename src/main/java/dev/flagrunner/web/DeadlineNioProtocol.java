package dev.flagrunner.web;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Constants;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's HTTP/1.1 connector with two deadlines Tomcat does not have: one for receiving a whole request head and
 * one for receiving a whole body. Tomcat's own timeouts are per read, so a client that sends a byte just before each
 * one expires holds its connection (and, in a body, a worker thread) for as long as it likes.
 *
 * <p>Four times a second, a task on Tomcat's utility executor looks at each connection whose request is being read
 * and lowers that connection's read timeout so that it runs out at the deadline: Tomcat's poller (for a head, read
 * without a thread) or the worker's blocking read (for a body) then ends it as any read timeout, and the connection
 * is closed. A body's read already waiting keeps the timeout it began with, so a body can last until one tick
 * (250 ms) past its deadline; a body that pauses for longer than the time it has left ends at once. A head's deadline counts from its first byte; a body's from the moment the head was complete (seen
 * within a tick). Nothing else about the connector changes. Public because Tomcat creates the protocol by class name.
 */
public class DeadlineNioProtocol extends Http11NioProtocol {

    private static final Logger log = LoggerFactory.getLogger(DeadlineNioProtocol.class);

    static final long TICK_MILLIS = 250;

    private volatile long headDeadlineMillis = 10_000;
    private volatile long bodyDeadlineMillis = 10_000;
    /** The requests a worker thread is serving now, by connection (a head parked in the poller is not here). */
    private final Map<SocketWrapperBase<?>, Request> inService = new ConcurrentHashMap<>();
    /** When each request's body was first seen unread; touched by the enforcing task only. */
    private Map<Request, BodyStart> bodyStarts = new IdentityHashMap<>();

    private ScheduledFuture<?> enforcer;

    private record BodyStart(long requestStartNanos, long seenNanos) {}

    public void setHeadDeadlineMillis(long millis) {
        this.headDeadlineMillis = millis;
    }

    public void setBodyDeadlineMillis(long millis) {
        this.bodyDeadlineMillis = millis;
    }

    @Override
    protected Processor createProcessor() {
        return new Http11Processor(this, getAdapter()) {
            @Override
            public SocketState service(SocketWrapperBase<?> connection) throws IOException {
                inService.put(connection, getRequest());
                try {
                    return super.service(connection);
                } finally {
                    inService.remove(connection);
                }
            }
        };
    }

    @Override
    public void start() throws Exception {
        super.start();
        enforcer = getUtilityExecutor()
                .scheduleWithFixedDelay(this::enforceDeadlines, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (enforcer != null) {
            enforcer.cancel(false);
        }
        super.stop();
    }

    private void enforceDeadlines() {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
            try {
                // A head that waits for more bytes is parked in the poller with its processor (whose stage says ENDED).
                if (connection.getCurrentProcessor() instanceof AbstractProcessor parked
                        && !parked.isAsync()
                        && enforceHead(connection, parked.getRequest(), nowNanos, nowMillis)) {
                    // Past its deadline. The poller checks timeouts at most once a second, and skips a connection
                    // whose bytes it is handing to a worker at that moment: a client that trickles faster than a
                    // second can be skipped every time. So it is ended here, as the poller ends a timed-out one.
                    getEndpoint().processSocket(connection, SocketEvent.ERROR, true);
                }
            } catch (RuntimeException e) {
                // The connection changed under us (it ended, or its processor was recycled) while Tomcat's threads
                // went on with it. Nothing is lost: an ended connection needs no deadline, and a live one is looked
                // at again on the next tick. At DEBUG, so that a failure on every tick would still be seen.
                log.debug("deadline check skipped a connection that changed under it", e);
            }
        }
        Map<Request, BodyStart> seen = new IdentityHashMap<>();
        inService.forEach((connection, request) -> {
            try {
                int stage = request.getRequestProcessor().getStage();
                if (stage == Constants.STAGE_PARSE) {
                    enforceHead(connection, request, nowNanos, nowMillis);
                } else if (stage == Constants.STAGE_SERVICE && request.getStartTimeNanos() > 0 && bodyUnread(request)) {
                    BodyStart start = bodyStarts.get(request);
                    if (start == null || start.requestStartNanos() != request.getStartTimeNanos()) {
                        start = new BodyStart(request.getStartTimeNanos(), nowNanos);
                    }
                    seen.put(request, start);
                    long left = bodyDeadlineMillis - TimeUnit.NANOSECONDS.toMillis(nowNanos - start.seenNanos());
                    // A worker's blocking read waits for the read timeout it found when it began, and begins again
                    // the moment bytes arrive: the time left is what a read begun now may wait. (A body that has
                    // paused for longer than it has left ends now, as it could no longer end in time anyway.)
                    lowerReadTimeout(connection, Math.max(1, left));
                }
            } catch (RuntimeException e) {
                // As above: the request ended or its connection changed; the next tick sees it anew.
                log.debug("body deadline check skipped a request that changed under it", e);
            }
        });
        bodyStarts = seen;
    }

    /** Lowers the read timeout of a connection reading a head; true when its deadline has passed. */
    private boolean enforceHead(SocketWrapperBase<?> connection, Request request, long nowNanos, long nowMillis) {
        long start = request.getStartTimeNanos();
        if (start <= 0) {
            return false;
        }
        long left = headDeadlineMillis - TimeUnit.NANOSECONDS.toMillis(nowNanos - start);
        lowerHeadReadTimeout(connection, nowMillis + left);
        return left <= 0;
    }

    /**
     * For a head, read by the poller without a thread: the poller times a read out when {@code now - lastRead >
     * readTimeout}, so this makes that happen at the deadline.
     */
    private static void lowerHeadReadTimeout(SocketWrapperBase<?> connection, long deadlineMillis) {
        if (connection instanceof NioEndpoint.NioSocketWrapper nio) {
            lowerReadTimeout(connection, Math.max(1, deadlineMillis - nio.getLastRead()));
        }
    }

    private static void lowerReadTimeout(SocketWrapperBase<?> connection, long timeout) {
        if (connection.getReadTimeout() <= 0 || timeout < connection.getReadTimeout()) {
            connection.setReadTimeout(timeout);
        }
    }

    /** Whether the request declared or began a body that has not been read to its end. */
    static boolean bodyUnread(Request request) {
        long length = request.getContentLengthLong();
        if (length >= 0) {
            return request.getBytesRead() < length;
        }
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return !fullyRead.get();
    }
}
