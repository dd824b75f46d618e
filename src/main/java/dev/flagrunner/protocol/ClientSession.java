package dev.flagrunner.protocol;

import dev.flagrunner.expression.Answer;
import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import dev.flagrunner.net.ReadTimeouts;
import dev.flagrunner.net.Sockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Locale;
import java.util.Optional;

/**
 * One run of the client side of the protocol: HELLO, answer every question, return the flag. Each
 * message goes out in exactly one write with exactly the dialect's terminator. {@link #cancel()} may be
 * called from any thread; the session then ends with {@code CANCELLED}. The whole run, from the connect on,
 * ends with {@code SESSION_TIMEOUT} at the spec's {@code maxDuration}: a read or write in progress is cut at
 * that moment, and a server that answers quickly but never ends is stopped at its next message.
 */
public final class ClientSession {

    private final SessionSpec spec;
    private final SocketOpener opener;
    private final SessionListener listener;
    private final BytesInFlight budget;
    private final ServerMessageParser parser;
    private final DialectMessages messages;
    private volatile Socket socket;
    private volatile boolean cancelled;
    private volatile int answered;
    /** The number of the answer being written (0: the HELLO), -1 when none; names a write that timed out. */
    private int writing = -1;
    /** True once the server sent a message: a close before it may be a busy server's. */
    private boolean heard;
    /** When the session must have ended, from {@link System#nanoTime()}; set as it starts. */
    private long endNanos;

    /** A session whose long messages draw on the process's default budget ({@link BytesInFlight#processDefault()}). */
    public ClientSession(SessionSpec spec, SocketOpener opener, SessionListener listener) {
        this(spec, opener, listener, BytesInFlight.processDefault());
    }

    /** A session whose messages beyond its reader's base draw on {@code budget}, shared with other sessions. */
    public ClientSession(SessionSpec spec, SocketOpener opener, SessionListener listener, BytesInFlight budget) {
        this.spec = spec;
        this.opener = opener;
        this.listener = listener;
        this.budget = budget;
        this.parser = new ServerMessageParser(spec.dialect(), spec.classId());
        this.messages = new DialectMessages(spec.dialect(), spec.classId());
    }

    /** Answers sent so far; safe to read from any thread. */
    public int answered() {
        return answered;
    }

    /** Ends the session from another thread: closes its socket, so a blocked read or write returns at once. */
    public void cancel() {
        cancelled = true;
        Socket s = socket;
        if (s != null) {
            Sockets.closeNow(s);
        }
    }

    /** Runs the session to its end and returns the flag. */
    public String run() throws SessionFailure {
        try {
            return connectAndConverse();
        } catch (RuntimeException e) {
            // A bug of ours, not the server's: say so, without a stack trace in the detail.
            throw new SessionFailure(
                    FailureReason.INTERNAL_ERROR,
                    "unexpected " + e.getClass().getSimpleName() + (answered > 0 ? " after answer " + answered : ""),
                    e);
        }
    }

    private String connectAndConverse() throws SessionFailure {
        endNanos = System.nanoTime() + spec.maxDuration().toNanos();
        checkCancelled();
        // The connect and the TLS handshake are bounded by the connect timeout; the limit is checked after them.
        Socket s = opener.open(spec.host(), spec.port(), spec.connectTimeout());
        socket = s;
        ReadTimeouts.Guard guard = ReadTimeouts.shared().guard(s, spec.readTimeout(), endNanos);
        try {
            checkCancelled();
            checkTimeLeft(System.nanoTime());
            return converse(s.getInputStream(), s.getOutputStream(), guard);
        } catch (SessionFailure e) {
            throw cancelled ? cancelledFailure() : e;
        } catch (IOException e) {
            if (cancelled) {
                throw cancelledFailure();
            }
            if (guard.ended()) {
                throw sessionTimeout(e);
            }
            throw guard.expired() ? timeout(e) : transportFailure(e);
        } finally {
            guard.close();
            Sockets.closeQuietly(s);
        }
    }

    private String converse(InputStream in, OutputStream out, ReadTimeouts.Guard guard)
            throws IOException, SessionFailure {
        Dialect dialect = spec.dialect();
        try (MessageReader reader =
                MessageReader.of(dialect.framing(), in, dialect.maxMessageLength(), dialect.charset(), budget)) {
            return converse(reader, out, guard);
        }
    }

    private String converse(MessageReader reader, OutputStream out, ReadTimeouts.Guard guard)
            throws IOException, SessionFailure {
        Dialect dialect = spec.dialect();
        send(out, messages.hello(spec.studentId()), 0, guard);
        int messageNumber = 0;
        while (true) {
            long started = System.nanoTime();
            checkTimeLeft(started);
            guard.reading(started);
            String line = readMessage(reader, messageNumber + 1);
            guard.idle();
            ServerMessage message = parser.parse(line, ++messageNumber);
            if (message instanceof ServerMessage.Question question) {
                if (answered == spec.maxQuestions()) {
                    throw new SessionFailure(
                            FailureReason.TOO_MANY_QUESTIONS,
                            "the server asked question "
                                    + (answered + 1) + ", more than the limit of " + spec.maxQuestions()
                                    + " questions (flagrunner.session.max-questions, client --max-questions)");
                }
                send(out, answerFor(question.payload(), messageNumber), answered + 1, guard);
                int count = ++answered;
                listener.questionAnswered(count, System.nanoTime() - started);
            } else if (message instanceof ServerMessage.Flag flag) {
                return flag.flag();
            } else if (message instanceof ServerMessage.UnknownStudent unknown) {
                throw new SessionFailure(
                        FailureReason.UNKNOWN_STUDENT,
                        "the server does not know student id '" + spec.studentId() + "' (it sent " + unknown.marker()
                                + " after answer " + answered + ")");
            } else {
                // The EECE FAIL line may carry a SUCC and a flag behind it: never quote it.
                throw new SessionFailure(
                        FailureReason.ANSWER_REJECTED,
                        "the server rejected answer " + answered + " ("
                                + dialect.failureKeyword().orElse("FAIL") + ")");
            }
        }
    }

    private String readMessage(MessageReader reader, int messageNumber) throws IOException, SessionFailure {
        String line;
        try {
            line = reader.next();
        } catch (LineTooLongException e) {
            throw new SessionFailure(
                    FailureReason.LINE_TOO_LONG, "message " + messageNumber + ": " + e.getMessage(), e);
        } catch (OverBudgetException e) {
            throw new SessionFailure(
                    FailureReason.MEMORY_BUDGET, "message " + messageNumber + ": " + e.getMessage(), e);
        } catch (TruncatedMessageException e) {
            // Length only: the partial message may be the start of a flag.
            throw new SessionFailure(
                    FailureReason.SERVER_CLOSED,
                    "the server closed the connection in the middle of message " + messageNumber + " ("
                            + e.partial().length() + " characters without an end) " + afterWhat(),
                    e);
        }
        if (line == null) {
            throw new SessionFailure(
                    FailureReason.SERVER_CLOSED,
                    "the server closed the connection " + afterWhat()
                            + (heard ? ": wrong answer or protocol violation" : unheardClose()));
        }
        heard = true;
        return line;
    }

    private void checkTimeLeft(long nowNanos) throws SessionFailure {
        if (nowNanos - endNanos >= 0) {
            throw sessionTimeout(null);
        }
    }

    private SessionFailure sessionTimeout(IOException cause) {
        String when = writing < 0
                ? afterWhat()
                : "while sending " + (writing == 0 ? spec.dialect().helloKeyword() : "answer " + writing);
        return new SessionFailure(
                FailureReason.SESSION_TIMEOUT,
                "the session reached its limit of " + spec.maxDuration().toMillis() + " ms " + when
                        + " (flagrunner.session.max-duration, client --max-duration)",
                cause);
    }

    private SessionFailure timeout(IOException e) {
        if (writing >= 0) {
            String what = writing == 0 ? spec.dialect().helloKeyword() : "answer " + writing;
            return new SessionFailure(
                    FailureReason.READ_TIMEOUT,
                    "could not send " + what + " within " + spec.readTimeout().toMillis()
                            + " ms: the server is not reading",
                    e);
        }
        return new SessionFailure(
                FailureReason.READ_TIMEOUT,
                "no message from the server within " + spec.readTimeout().toMillis() + " ms " + afterWhat(),
                e);
    }

    /**
     * The next step where a server refuses the HELLO: most often the server speaks another dialect or
     * expects another class string than the one sent (a status client at a findcount server).
     */
    private String dialectHint() {
        return "check that the server speaks dialect " + spec.dialect().name() + " with class string " + spec.classId()
                + " (client --dialect and --class; a request's dialect and classId)";
    }

    private String afterWhat() {
        return answered == 0 ? "after HELLO" : "after answer " + answered;
    }

    private String answerFor(String payload, int messageNumber) throws SessionFailure {
        Answer answer;
        try {
            answer = Evaluator.evaluate(spec.dialect().arithmetic(), payload);
        } catch (ExpressionException e) {
            FailureReason reason = e.kind() == ExpressionException.Kind.UNSUPPORTED
                    ? FailureReason.UNSUPPORTED_EXPRESSION
                    : FailureReason.MALFORMED_MESSAGE;
            String where = "question " + (answered + 1) + " (message " + messageNumber + "): ";
            if (SessionFailure.SERVER_TEXT.mayCarryFlag(payload)) {
                // A payload may end in a flag (EECE: the last question and the SUCC in one read), and the
                // evaluator's message quotes the token it stopped at: say only what and where, and keep the
                // exception, which a log could print, out of the failure.
                throw new SessionFailure(
                        reason,
                        where + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " at column "
                                + (e.position() + 1) + ": " + SessionFailure.SERVER_TEXT.unlessFlagLike(payload));
            }
            throw new SessionFailure(
                    reason, where + e.getMessage() + ": " + SessionFailure.SERVER_TEXT.quote(payload), e);
        }
        Optional<String> line = messages.answer(answer);
        if (line.isEmpty()) {
            throw new SessionFailure(
                    FailureReason.UNSUPPORTED_EXPRESSION,
                    "question " + (answered + 1)
                            + " divides by zero, which has no answer in dialect "
                            + spec.dialect().name() + ": "
                            + SessionFailure.SERVER_TEXT.unlessFlagLike(payload));
        }
        return line.get();
    }

    /**
     * Writes one message under the read timeout: a server that sends without reading fills the socket
     * buffers, and the write then blocks until the guard closes the socket.
     *
     * @param number the answer's number, 0 for the HELLO
     */
    private void send(OutputStream out, String message, int number, ReadTimeouts.Guard guard) throws IOException {
        writing = number;
        guard.reading(System.nanoTime());
        out.write(
                (message + spec.dialect().terminator()).getBytes(spec.dialect().charset()));
        guard.idle();
        writing = -1;
    }

    private SessionFailure transportFailure(IOException e) {
        return new SessionFailure(
                FailureReason.SERVER_CLOSED,
                "the connection failed " + afterWhat() + ": " + e.getMessage() + (heard ? "" : unheardClose()),
                e);
    }

    /**
     * A close (or a reset) before the server sent any message: the client cannot tell which of the two it was, so
     * the detail names both. A server at its connection limit closes at once without reading (a reset, when the
     * HELLO had arrived); one that refuses the HELLO closes after reading it.
     */
    private String unheardClose() {
        return ": unknown id, protocol violation, or a busy server (one at its connection limit closes at once: try"
                + " again later); " + dialectHint();
    }

    private void checkCancelled() throws SessionFailure {
        if (cancelled) {
            throw cancelledFailure();
        }
    }

    private SessionFailure cancelledFailure() {
        return new SessionFailure(FailureReason.CANCELLED, "cancelled " + afterWhat());
    }
}
