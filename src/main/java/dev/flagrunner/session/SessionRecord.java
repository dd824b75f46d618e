package dev.flagrunner.session;

import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One session in the history: its client while it runs, its outcome once it ended. Thread-safe. */
final class SessionRecord {

    private final String id;
    private final String studentId;
    private final String owner;
    private final ResolvedTarget target;
    private final Instant startedAt;
    private final ClientSession client;
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
        this.startedAt = startedAt;
        this.client = client;
    }

    String id() {
        return id;
    }

    ResolvedTarget target() {
        return target;
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

    ClientSession client() {
        return client;
    }

    void captured(String capturedFlag, Clock clock) {
        this.flag = capturedFlag;
        end(SessionStatus.FLAG_CAPTURED, clock);
    }

    void failed(SessionFailure f, Clock clock) {
        this.failure = new SessionView.Failure(f.reason().name(), f.detail());
        end(f.reason() == FailureReason.CANCELLED ? SessionStatus.CANCELLED : SessionStatus.FAILED, clock);
    }

    private void end(SessionStatus newStatus, Clock clock) {
        this.endedAt = clock.instant();
        this.status = newStatus;
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
                target.view(),
                s,
                s == SessionStatus.FLAG_CAPTURED ? flag : null,
                failure,
                client.answered(),
                startedAt,
                end,
                end == null ? null : Duration.between(startedAt, end).toMillis());
    }
}
