package dev.flagrunner.session;

import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.SessionFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One session in the history: its client while it runs, its outcome once it ended. A session restored from the
 * durable store at start has ended and has neither client nor resolved target, only their view. Thread-safe.
 */
final class SessionRecord {

    /** How a session ends, decided before it is written to the store and then shown. */
    record Ending(SessionStatus status, String flag, SessionView.Failure failure, Instant endedAt) {}

    private final String id;
    private final String studentId;
    private final String owner;
    private final ResolvedTarget target;
    private final ResolvedTarget.View targetView;
    private final Instant startedAt;
    private final ClientSession client;
    /** The answers of a restored session (a running one asks its client). */
    private final int answeredBefore;

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile SessionStatus status = SessionStatus.RUNNING;
    private volatile String flag;
    private volatile SessionView.Failure failure;
    private volatile Instant endedAt;
    /** Its place in the history (the cursor of {@code GET /sessions}); set once, as it enters the history. */
    private volatile long sequence;

    SessionRecord(
            String id, String studentId, String owner, ResolvedTarget target, Instant startedAt, ClientSession client) {
        this.id = id;
        this.studentId = studentId;
        this.owner = owner;
        this.target = target;
        this.targetView = target.view();
        this.startedAt = startedAt;
        this.client = client;
        this.answeredBefore = 0;
    }

    private SessionRecord(
            long sequence,
            String id,
            String studentId,
            String owner,
            ResolvedTarget.View targetView,
            Instant startedAt,
            int answered,
            Ending ending) {
        this.sequence = sequence;
        this.id = id;
        this.studentId = studentId;
        this.owner = owner;
        this.target = null;
        this.targetView = targetView;
        this.startedAt = startedAt;
        this.client = null;
        this.answeredBefore = answered;
        end(ending);
    }

    /** A session that ended before this start, as the durable store kept it. */
    static SessionRecord restored(
            long sequence,
            String id,
            String studentId,
            String owner,
            ResolvedTarget.View target,
            Instant startedAt,
            int answered,
            Ending ending) {
        return new SessionRecord(sequence, id, studentId, owner, target, startedAt, answered, ending);
    }

    String id() {
        return id;
    }

    /** Where it connects; only a session started by this process has it (null when restored). */
    ResolvedTarget target() {
        return target;
    }

    ResolvedTarget.View targetView() {
        return targetView;
    }

    void numbered(long number) {
        this.sequence = number;
    }

    long sequence() {
        return sequence;
    }

    String studentId() {
        return studentId;
    }

    /** The name of the token that started it. */
    String owner() {
        return owner;
    }

    SessionStatus status() {
        return status;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The running session's client; null when restored. */
    ClientSession client() {
        return client;
    }

    int answered() {
        return client == null ? answeredBefore : client.answered();
    }

    /** How the session ends now: with the flag, or with the failure (one of them is null). */
    static Ending ending(String capturedFlag, SessionFailure f, Clock clock) {
        if (f == null) {
            return new Ending(SessionStatus.endedBy(null), capturedFlag, null, clock.instant());
        }
        return new Ending(
                SessionStatus.endedBy(f),
                null,
                new SessionView.Failure(f.reason().name(), f.detail()),
                clock.instant());
    }

    /** Shows the session as ended (once). */
    void end(Ending ending) {
        this.flag = ending.flag();
        this.failure = ending.failure();
        this.endedAt = ending.endedAt();
        this.status = ending.status();
        ended.countDown();
    }

    /** Waits for the end of the session; true when it ended within the time. */
    boolean await(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean isRunning() {
        return ended.getCount() > 0;
    }

    SessionView view() {
        SessionStatus s = status;
        // endedAt is written before status: a view that read RUNNING shows no end even if it just came.
        Instant end = s == SessionStatus.RUNNING ? null : endedAt;
        return new SessionView(
                id,
                studentId,
                owner,
                targetView,
                s,
                s == SessionStatus.FLAG_CAPTURED ? flag : null,
                failure,
                answered(),
                startedAt,
                end,
                end == null ? null : Duration.between(startedAt, end).toMillis());
    }
}
