package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Framing;
import dev.flagrunner.protocol.LineReader;
import dev.flagrunner.protocol.LineTooLongException;
import dev.flagrunner.protocol.MessageReader;
import dev.flagrunner.protocol.ReadPerMessageReader;
import dev.flagrunner.protocol.ReadTimeouts;
import dev.flagrunner.protocol.TruncatedMessageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server side of one connection: HELLO, the questions, the flag. Any violation closes silently. */
final class ServerConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);
    /** With the coalesce fault, every n-th question is sent together with the next one. */
    private static final int COALESCE_EVERY = 5;

    private final Socket socket;
    private final ServerOptions options;
    private final Examiner examiner;
    private final ServerEvents events;
    private final Dialect dialect;
    private final String terminator;
    private String studentId = "?";
    private int answered;

    ServerConnection(Socket socket, ServerOptions options, Examiner examiner, ServerEvents events) {
        this.socket = socket;
        this.options = options;
        this.examiner = examiner;
        this.events = events;
        this.dialect = options.dialect();
        this.terminator =
                dialect.framing() == Framing.LINE_FEED ? (options.faults().crlf() ? "\r\n" : "\n") : "";
    }

    @Override
    public void run() {
        ServerOutcome outcome;
        // The idle timeout is kept by a guard, not SO_TIMEOUT: blocking reads are a third of the system calls.
        ReadTimeouts.Guard guard = ReadTimeouts.shared().guard(socket, options.idleTimeout());
        try (socket;
                guard) {
            socket.setTcpNoDelay(true);
            outcome = converse(socket.getOutputStream(), guard);
        } catch (LineTooLongException | TruncatedMessageException e) {
            outcome = guard.expired() ? ServerOutcome.TIMEOUT : ServerOutcome.PROTOCOL_VIOLATION;
        } catch (IOException e) {
            outcome = guard.expired() ? ServerOutcome.TIMEOUT : ServerOutcome.CLIENT_CLOSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = ServerOutcome.ERROR;
        } catch (RuntimeException e) {
            log.warn("math server connection failed", e);
            outcome = ServerOutcome.ERROR;
        }
        log.info(
                "math server session ended: dialect={} transport={} student={} outcome={} answers={}",
                dialect.name(),
                options.transport(),
                studentId,
                outcome,
                answered);
        events.sessionEnded(options, outcome);
    }

    /** The conversation's steps; each returns an outcome when the conversation ends there. */
    private ServerOutcome converse(OutputStream out, ReadTimeouts.Guard guard)
            throws IOException, InterruptedException {
        MessageReader reader = openReader();
        Optional<ServerOutcome> refused = acceptHello(reader, guard);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!knowsStudent()) {
            send(out, List.of(endMessage("Unknown_Husky_ID")));
            return ServerOutcome.UNKNOWN_STUDENT;
        }
        Optional<ServerOutcome> failed = examine(reader, out, guard);
        if (failed.isPresent()) {
            return failed.get();
        }
        send(out, List.of(endMessage(options.flags().flag(options.tls().isPresent(), options.classId(), studentId))));
        return ServerOutcome.FLAG_SENT;
    }

    private MessageReader openReader() throws IOException {
        return dialect.framing() == Framing.LINE_FEED
                // Strict: a CR before the LF is part of the answer, which then does not match.
                ? new LineReader(socket.getInputStream(), dialect.maxMessageLength(), dialect.charset(), false)
                : new ReadPerMessageReader(socket.getInputStream(), dialect.maxMessageLength(), dialect.charset());
    }

    /** {@code <class> <hello keyword> <student id>}, exactly; the student id is kept for the flag and the log. */
    private Optional<ServerOutcome> acceptHello(MessageReader reader, ReadTimeouts.Guard guard) throws IOException {
        String hello = next(reader, guard);
        if (hello == null) {
            return Optional.of(ServerOutcome.CLIENT_CLOSED);
        }
        String[] fields = hello.split(" ", -1);
        if (fields.length != 3
                || !fields[0].equals(options.classId())
                || !fields[1].equals(dialect.helloKeyword())
                || fields[2].isEmpty()) {
            return Optional.of(ServerOutcome.PROTOCOL_VIOLATION);
        }
        studentId = fields[2];
        return Optional.empty();
    }

    private boolean knowsStudent() {
        return options.knownStudents().isEmpty()
                || options.knownStudents().get().contains(studentId);
    }

    /** Asks the session's questions (in pairs every few questions with the coalesce fault) and checks each answer. */
    private Optional<ServerOutcome> examine(MessageReader reader, OutputStream out, ReadTimeouts.Guard guard)
            throws IOException, InterruptedException {
        RandomGenerator random =
                options.seed().isPresent() ? new SplittableRandom(options.seed().getAsLong()) : new SplittableRandom();
        int count = random.nextInt(options.minQuestions(), options.maxQuestions() + 1);
        String questionPrefix = options.classId() + " " + dialect.questionKeyword() + " ";
        int asked = 0;
        while (asked < count) {
            int batch = batchSize(asked, count);
            List<String> lines = new ArrayList<>(batch);
            List<String> expected = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                Question q = examiner.next(random);
                lines.add(questionPrefix + q.payload());
                expected.add(q.expectedAnswer());
            }
            if (options.faults().delayMillis() > 0) {
                Thread.sleep(options.faults().delayMillis());
            }
            send(out, lines);
            asked += batch;
            Optional<ServerOutcome> failed = checkAnswers(reader, out, guard, expected);
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    /** With the coalesce fault every n-th question goes out in one write with the next one (if there is one). */
    private int batchSize(int asked, int count) {
        return options.faults().coalesce() && (asked + 1) % COALESCE_EVERY == 0 && asked + 1 < count ? 2 : 1;
    }

    /** One answer per question sent, each byte-exact; a wrong one gets the dialect's failure line, if it has one. */
    private Optional<ServerOutcome> checkAnswers(
            MessageReader reader, OutputStream out, ReadTimeouts.Guard guard, List<String> expected)
            throws IOException {
        for (String want : expected) {
            String got = next(reader, guard);
            if (got == null) {
                return Optional.of(ServerOutcome.CLIENT_CLOSED);
            }
            if (!got.equals(want)) {
                dialect.failureKeyword().ifPresent(fail -> quietly(out, options.classId() + " " + fail));
                return Optional.of(ServerOutcome.WRONG_ANSWER);
            }
            answered++;
        }
        return Optional.empty();
    }

    /** The client's next message, under the idle timeout while it is awaited. */
    private static String next(MessageReader reader, ReadTimeouts.Guard guard) throws IOException {
        guard.reading(System.nanoTime());
        String message = reader.next();
        guard.idle();
        return message;
    }

    private String endMessage(String flag) {
        String cls = options.classId();
        if (dialect.end() == Dialect.EndForm.SUCC) {
            return cls + " SUCC " + flag;
        }
        Faults.ByeOrder order = options.faults().byeOrder().orElse(defaultByeOrder());
        return order == Faults.ByeOrder.FLAG_FIRST ? cls + " " + flag + " BYE" : cls + " BYE " + flag;
    }

    /** {@code <cls> <flag> BYE} where the dialect's texts say so (status, cs230), else {@code <cls> BYE <flag>}. */
    private Faults.ByeOrder defaultByeOrder() {
        return dialect.questionKeyword().equals("STATUS") ? Faults.ByeOrder.FLAG_FIRST : Faults.ByeOrder.BYE_FIRST;
    }

    /** Writes messages: one write for all of them, or each split in two writes with the fragment fault. */
    private void send(OutputStream out, List<String> messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String m : messages) {
            bytes.writeBytes((m + terminator).getBytes(dialect.charset()));
        }
        byte[] data = bytes.toByteArray();
        if (options.faults().fragment() && data.length > 1) {
            int half = data.length / 2;
            out.write(data, 0, half);
            out.flush();
            out.write(data, half, data.length - half);
        } else {
            out.write(data);
        }
        out.flush();
    }

    private void quietly(OutputStream out, String message) {
        try {
            send(out, List.of(message));
        } catch (IOException ignored) {
            // The client is gone already; the outcome stays what it was.
        }
    }
}
