package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.DialectMessages;
import dev.flagrunner.protocol.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The server side of one connection on its event loop: the HELLO, the questions, the flag, one named step each.
 * Every message is awaited under the idle timeout and the whole conversation under the session deadline; the
 * framing's limit is set before each message (the HELLO's, then each answer's). Any violation closes silently;
 * a wrong answer gets the dialect's failure line first, if it has one. Nothing here blocks: the delay fault is a
 * task scheduled on the loop.
 */
final class Conversation extends ChannelInboundHandlerAdapter {

    /** With the coalesce fault, every n-th question is sent together with the next one. */
    private static final int COALESCE_EVERY = 5;
    /** Bytes an answer may have beyond the correct one's length: anything longer is wrong anyway. */
    static final int ANSWER_MARGIN = 64;
    /** Bytes a student id may have in the HELLO: ids are short, and an HMAC over a long one proves nothing more. */
    static final int MAX_STUDENT_ID_BYTES = 200;

    private final ServerOptions options;
    private final Examiner examiner;
    private final ServerEvents events;
    private final SessionLog log;
    private final Framer framer;
    private final ConnectionBudget.Admission admission;
    private final Dialect dialect;
    private final DialectMessages messages;
    private final String terminator;
    private final ArrayDeque<String> expected = new ArrayDeque<>(2);
    private String studentId;
    private RandomGenerator random;
    private int count;
    private int asked;
    private int answered;
    private ServerOutcome outcome;
    /** When the awaited message was asked for ({@link System#nanoTime()}), or -1 while none is awaited. */
    private long awaitingSince = -1;

    private ScheduledFuture<?> idle;
    private ScheduledFuture<?> deadline;

    Conversation(
            ServerOptions options,
            Examiner examiner,
            ServerEvents events,
            SessionLog log,
            Framer framer,
            ConnectionBudget.Admission admission) {
        this.options = options;
        this.examiner = examiner;
        this.events = events;
        this.log = log;
        this.framer = framer;
        this.admission = admission;
        this.dialect = options.dialect();
        this.messages = new DialectMessages(dialect, options.classId());
        this.terminator =
                dialect.framing() == Framing.LINE_FEED ? (options.faults().crlf() ? "\r\n" : "\n") : "";
    }

    /** The HELLO's limit: {@code <class> <hello keyword> } and a student id of a bounded length. */
    static int helloLimit(ServerOptions options) {
        String prefix = new DialectMessages(options.dialect(), options.classId()).helloPrefix();
        return prefix.getBytes(StandardCharsets.UTF_8).length + MAX_STUDENT_ID_BYTES;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor()
                .schedule(
                        () -> end(ctx, ServerOutcome.DEADLINE),
                        options.sessionDeadline().toNanos(),
                        TimeUnit.NANOSECONDS);
        awaitMessage(ctx);
        idle = ctx.executor()
                .schedule(() -> checkIdle(ctx), options.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (outcome != null || !(msg instanceof ClientFrame frame)) {
            return;
        }
        awaitingSince = -1;
        if (frame instanceof ClientFrame.Message message) {
            if (studentId == null) {
                acceptHello(ctx, message.text());
            } else {
                checkAnswer(ctx, message.text());
            }
        } else if (frame instanceof ClientFrame.TooLong && studentId != null) {
            // Longer than any correct answer: a wrong one, with the dialect's failure line as for any other.
            wrongAnswer(ctx);
        } else {
            end(ctx, ServerOutcome.PROTOCOL_VIOLATION);
        }
    }

    /** {@code <class> <hello keyword> <student id>}, exactly; the student id is kept for the flag and the log. */
    private void acceptHello(ChannelHandlerContext ctx, String hello) {
        String prefix = messages.helloPrefix();
        String id = hello.startsWith(prefix) ? hello.substring(prefix.length()) : "";
        if (id.isEmpty() || id.indexOf(' ') >= 0) {
            end(ctx, ServerOutcome.PROTOCOL_VIOLATION);
            return;
        }
        studentId = id;
        if (options.knownStudents().isPresent()
                && !options.knownStudents().get().contains(studentId)) {
            endWith(ctx, endMessage("Unknown_Husky_ID"), ServerOutcome.UNKNOWN_STUDENT);
            return;
        }
        random =
                options.seed().isPresent() ? new SplittableRandom(options.seed().getAsLong()) : new SplittableRandom();
        count = random.nextInt(options.minQuestions(), options.maxQuestions() + 1);
        askNext(ctx);
    }

    /** Draws the next question (two with the coalesce fault, every few) and sends them, after the delay fault's pause. */
    private void askNext(ChannelHandlerContext ctx) {
        boolean two = options.faults().coalesce() && asked % COALESCE_EVERY == COALESCE_EVERY - 1 && asked + 1 < count;
        List<String> lines = two ? List.of(draw(), draw()) : List.of(draw());
        int delay = options.faults().delayMillis();
        if (delay == 0) {
            ask(ctx, lines);
            return;
        }
        // Nothing is read during the pause, as the blocking server read nothing while it slept.
        ctx.channel().config().setAutoRead(false);
        ctx.executor()
                .schedule(
                        () -> {
                            ask(ctx, lines);
                            ctx.channel().config().setAutoRead(true);
                        },
                        delay,
                        TimeUnit.MILLISECONDS);
    }

    /** The next question's line, its answer awaited. */
    private String draw() {
        Question q = examiner.next(random);
        expected.add(q.expectedAnswer());
        asked++;
        return messages.question(q.payload());
    }

    private void ask(ChannelHandlerContext ctx, List<String> lines) {
        if (outcome != null) {
            return;
        }
        send(ctx, lines);
        limitToNextAnswer();
        awaitMessage(ctx);
    }

    /** One answer per question sent, each byte-exact. */
    private void checkAnswer(ChannelHandlerContext ctx, String got) {
        String want = expected.poll();
        if (!got.equals(want)) {
            wrongAnswer(ctx);
            return;
        }
        answered++;
        if (!expected.isEmpty()) {
            limitToNextAnswer();
            awaitMessage(ctx);
        } else if (asked < count) {
            askNext(ctx);
        } else {
            endWith(
                    ctx,
                    endMessage(options.flags().flag(options.tls().isPresent(), options.classId(), studentId)),
                    ServerOutcome.FLAG_SENT);
        }
    }

    private void limitToNextAnswer() {
        String next = expected.peek();
        // No answer awaited (a client that sends before it is asked): the margin alone, and it will be wrong.
        framer.limit((next == null ? 0 : next.getBytes(dialect.charset()).length) + ANSWER_MARGIN);
    }

    private void wrongAnswer(ChannelHandlerContext ctx) {
        Optional<String> failure = messages.failure();
        if (failure.isPresent()) {
            endWith(ctx, failure.get(), ServerOutcome.WRONG_ANSWER);
        } else {
            end(ctx, ServerOutcome.WRONG_ANSWER);
        }
    }

    /** The flag's line, in the order the bye-order fault asks for, else the dialect's own. */
    private String endMessage(String flag) {
        boolean flagFirst = options.faults()
                .byeOrder()
                .map(order -> order == Faults.ByeOrder.FLAG_FIRST)
                .orElse(messages.flagFirstByDefault());
        return messages.end(flag, flagFirst);
    }

    /**
     * Writes messages: one write for all of them, encoded straight into a pooled buffer of the channel's allocator
     * (a direct one where the transport wants it, so nothing is copied again on the way out), or each split in two
     * writes with the fragment fault.
     */
    private ChannelFuture send(ChannelHandlerContext ctx, List<String> messages) {
        if (options.faults().fragment()) {
            return sendInHalves(ctx, messages);
        }
        int chars = 0;
        for (String m : messages) {
            chars += m.length() + terminator.length();
        }
        ByteBuf buffer = ctx.alloc().buffer(chars);
        for (String m : messages) {
            buffer.writeCharSequence(m, dialect.charset());
            buffer.writeCharSequence(terminator, dialect.charset());
        }
        return ctx.writeAndFlush(buffer);
    }

    private ChannelFuture sendInHalves(ChannelHandlerContext ctx, List<String> messages) {
        StringBuilder text = new StringBuilder();
        for (String m : messages) {
            text.append(m).append(terminator);
        }
        byte[] data = text.toString().getBytes(dialect.charset());
        if (data.length < 2) {
            return ctx.writeAndFlush(Unpooled.wrappedBuffer(data));
        }
        int half = data.length / 2;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(data, 0, half));
        return ctx.writeAndFlush(Unpooled.wrappedBuffer(data, half, data.length - half));
    }

    /** Starts the idle timeout of the next message: a time stamp, not a timer per message (they cost a round trip). */
    private void awaitMessage(ChannelHandlerContext ctx) {
        awaitingSince = System.nanoTime();
    }

    /** One timer per connection: ends it when a message is overdue, or looks again when the next one could be. */
    private void checkIdle(ChannelHandlerContext ctx) {
        if (outcome != null) {
            return;
        }
        long timeout = options.idleTimeout().toNanos();
        long waited = awaitingSince < 0 ? 0 : System.nanoTime() - awaitingSince;
        if (waited >= timeout) {
            end(ctx, ServerOutcome.TIMEOUT);
            return;
        }
        idle = ctx.executor().schedule(() -> checkIdle(ctx), timeout - waited, TimeUnit.NANOSECONDS);
    }

    /** Ends the conversation with a last message, closing once it is written. */
    private void endWith(ChannelHandlerContext ctx, String message, ServerOutcome how) {
        if (settle(how)) {
            send(ctx, List.of(message)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Ends the conversation without a word. */
    private void end(ChannelHandlerContext ctx, ServerOutcome how) {
        if (settle(how)) {
            ctx.close();
        }
    }

    /** The first outcome stands; false when the conversation had one already. */
    private boolean settle(ServerOutcome how) {
        if (outcome != null) {
            return false;
        }
        outcome = how;
        cancel(idle);
        cancel(deadline);
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof DecoderException) {
            // A reset, or a TLS record or handshake that failed: the client's doing, as with the blocking server.
            end(ctx, ServerOutcome.CLIENT_CLOSED);
            return;
        }
        if (cause instanceof RuntimeException e) {
            log.failed(options, e);
        }
        end(ctx, ServerOutcome.ERROR);
    }

    /**
     * A TLS handshake that ran out of time: the client kept silent, as when this conversation's own idle timer ends
     * it. The SslHandler's handshake timeout is the idle timeout ({@link MathServer}), so either can fire first; the
     * handler closes the channel itself, after this event, and without this the silence was reported as the client's
     * close.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake
                && handshake.cause() instanceof SslHandshakeTimeoutException) {
            settle(ServerOutcome.TIMEOUT);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        settle(ServerOutcome.CLIENT_CLOSED);
        admission.release();
        log.ended(options, studentId, outcome, answered);
        events.sessionEnded(options, outcome);
        ctx.fireChannelInactive();
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
