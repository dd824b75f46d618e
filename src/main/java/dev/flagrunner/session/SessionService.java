package dev.flagrunner.session;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.flag.CapturedFlag;
import dev.flagrunner.flag.FlagStore;
import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.protocol.BytesInFlight;
import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SessionSpec;
import dev.flagrunner.protocol.SocketOpener;
import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import dev.flagrunner.security.Caller;
import dev.flagrunner.store.StoreException;
import dev.flagrunner.tls.TlsConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs sessions on a bounded executor (at most {@code flagrunner.session.max-concurrent} at once, and at most
 * {@code flagrunner.security.max-sessions-per-token} of one caller; beyond that a start is refused with 429,
 * nothing waits for a slot), keeps a bounded history, and hands captured flags to the {@link FlagStore} before
 * the session is seen as ended, so no flag a caller was shown can be missing. A caller sees the sessions it
 * started, or every session with the role {@code read}. Its clock and executor are given to it
 * ({@link SessionConfiguration}); it shuts the executor down when it stops.
 */
class SessionService implements SmartLifecycle {

    /**
     * How long a cancel waits for the session to end before it answers: closing the socket ends a blocked read or
     * write at once; a session still connecting or evaluating an answer is answered as it is after this long.
     */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final FlagrunnerProperties.Session config;
    private final TargetResolver resolver;
    private final SocketOpeners openers;
    private final FlagStore flags;
    private final SessionMetrics metrics;
    private final Clock clock;
    private final Semaphore permits;
    private final CallerSlots callerSlots;
    private final ExecutorService executor;
    private final SessionHistory history;
    /** What the running sessions' long messages may hold together (flagrunner.session.max-bytes-in-flight). */
    private final BytesInFlight bytesInFlight;

    private volatile boolean accepting = true;
    private volatile boolean running;

    SessionService(
            FlagrunnerProperties properties,
            TargetResolver resolver,
            SocketOpeners openers,
            FlagStore flags,
            SessionMetrics metrics,
            Clock clock,
            ExecutorService executor,
            SessionHistory history) {
        this.config = properties.session();
        this.resolver = resolver;
        this.openers = openers;
        this.flags = flags;
        this.metrics = metrics;
        this.clock = clock;
        this.permits = new Semaphore(config.maxConcurrent());
        this.callerSlots = CallerSlots.of(properties.security(), config.maxConcurrent());
        this.executor = executor;
        this.history = history;
        this.bytesInFlight = new BytesInFlight(config.maxBytesInFlight().toBytes());
    }

    /** Starts a session for the caller, who owns it; it runs in the background. */
    SessionRecord start(SessionRequest request, Caller caller) {
        if (!accepting) {
            throw new RefusedException(Refusal.SHUTTING_DOWN, "the service is shutting down and starts no new session");
        }
        ResolvedTarget target = resolver.resolve(request);
        // Everything that can refuse the request is done before a slot is taken, so a refusal holds none.
        ClientSession client = new ClientSession(
                sessionSpec(target, request),
                opener(target),
                metrics.questionListener(target.dialect()),
                bytesInFlight);
        callerSlots.acquire(caller.name());
        if (!permits.tryAcquire()) {
            callerSlots.release(caller.name());
            throw new RefusedException(
                    Refusal.TOO_MANY_SESSIONS,
                    config.maxConcurrent()
                            + " sessions are running (flagrunner.session.max-concurrent); try again shortly",
                    Duration.ofSeconds(1));
        }
        SessionRecord record = new SessionRecord(
                UUID.randomUUID().toString(), request.studentId(), caller.name(), target, clock.instant(), client);
        try {
            history.add(record);
        } catch (StoreException e) {
            permits.release();
            callerSlots.release(caller.name());
            log.error("session not started: {}", e.getMessage());
            throw new RefusedException(
                    Refusal.STORE_UNAVAILABLE,
                    "the durable store could not record the session's start (the service's log and"
                            + " /actuator/health say why); nothing was started");
        }
        metrics.started();
        try {
            executor.execute(() -> run(record));
        } catch (RejectedExecutionException e) {
            finish(
                    record,
                    null,
                    new SessionFailure(FailureReason.INTERNAL_ERROR, "the session executor refused the session"));
        }
        return record;
    }

    private SessionSpec sessionSpec(ResolvedTarget target, SessionRequest request) {
        return new SessionSpec(
                target.host(),
                target.port(),
                target.dialect(),
                target.classId(),
                request.studentId(),
                config.connectTimeout(),
                config.readTimeout(),
                config.maxQuestions(),
                config.maxDuration());
    }

    /**
     * The target's socket opener. A trust file that was readable at start may be gone or broken by the first
     * TLS session to its target (a certificate being rotated): that target is unavailable, said without the
     * file's path (the log has it), and not a bug.
     */
    private SocketOpener opener(ResolvedTarget target) {
        try {
            return openers.forTarget(target);
        } catch (TlsConfigurationException e) {
            log.warn("target {}: its TLS settings cannot be used: {}", target.name(), e.getMessage());
            throw new RefusedException(
                    Refusal.TARGET_UNAVAILABLE,
                    "target '" + target.name()
                            + "': its TLS trust or protocols cannot be loaded now (the service's log says why)");
        }
    }

    private void run(SessionRecord record) {
        String flag = null;
        SessionFailure failure = null;
        try {
            flag = record.client().run();
        } catch (SessionFailure f) {
            failure = f;
        } catch (RuntimeException e) {
            log.error("session {} failed unexpectedly", record.id(), e);
            failure = new SessionFailure(
                    FailureReason.INTERNAL_ERROR,
                    "unexpected error: " + e.getClass().getSimpleName());
        }
        finish(record, flag, failure);
    }

    /**
     * Ends a session in an order callers can rely on: the flag is in the store and the session's end is written
     * (with the durable store: one transaction, committed), the meters are updated and the concurrency slot is free
     * before anyone can see the session as ended. A flag the store could not keep ends the session
     * {@code STORE_FAILED}, without it.
     */
    private void finish(SessionRecord record, String flag, SessionFailure failure) {
        SessionRecord.Ending ending = SessionRecord.ending(failure == null ? flag : null, failure, clock);
        if (failure == null) {
            failure = storedWithEnd(record, flag, ending);
            if (failure != null) {
                ending = SessionRecord.ending(null, failure, clock);
                storeEnd(record, ending);
            }
        } else {
            storeEnd(record, ending);
        }
        try {
            metrics.ended(
                    record.target().dialect(),
                    ending.status(),
                    failure == null ? "none" : failure.reason().name(),
                    Duration.between(record.startedAt(), ending.endedAt()));
            log.info(
                    "session {} ended: target={} dialect={} status={}{} answers={}",
                    record.id(),
                    record.target().name(),
                    record.target().dialect().name(),
                    ending.status(),
                    failure == null ? "" : " reason=" + failure.reason(),
                    record.answered());
        } finally {
            permits.release();
            callerSlots.release(record.owner());
            record.end(ending);
        }
    }

    /** Writes the end of a session without a flag; a failure is logged (after a restart it shows INTERRUPTED). */
    private void storeEnd(SessionRecord record, SessionRecord.Ending ending) {
        try {
            history.ending(record, ending);
        } catch (StoreException e) {
            log.error("session {}: its end was not stored: {}", record.id(), e.getMessage());
        }
    }

    /**
     * Puts the captured flag in the flag store and writes the session's end in the same transaction (one commit a
     * session fewer); the failure when the durable store could not keep them, which keeps neither.
     */
    private SessionFailure storedWithEnd(SessionRecord record, String flag, SessionRecord.Ending ending) {
        try {
            flags.add(
                    new CapturedFlag(
                            record.studentId(),
                            flag,
                            record.target().name(),
                            record.target().dialect().name(),
                            record.target().classId(),
                            record.id(),
                            ending.endedAt(),
                            record.owner()),
                    () -> history.ending(record, ending));
            return null;
        } catch (StoreException e) {
            log.error("session {}: its flag was not stored: {}", record.id(), e.getMessage());
            return new SessionFailure(
                    FailureReason.STORE_FAILED,
                    "the flag was captured but the durable store could not keep it (the service's log and"
                            + " /actuator/health say why); run the session again");
        }
    }

    /** The session, if the caller may see it: one it started, or any with the role {@code read}. */
    Optional<SessionRecord> find(String id, Caller caller) {
        return history.find(id).filter(r -> caller.sees(r.owner()));
    }

    /** The history the caller may see, newest first, optionally only sessions in one status. */
    Page<SessionView> page(SessionStatus status, Caller caller, PageRequest request) {
        return history.page(r -> (status == null || r.status() == status) && caller.sees(r.owner()), request);
    }

    /** Waits up to {@code flagrunner.session.wait} for a session to end. */
    boolean awaitEnd(SessionRecord record, Duration wait) {
        try {
            return record.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !record.isRunning();
        }
    }

    Duration defaultWait() {
        return config.waitForEnd();
    }

    /**
     * Cancels a running session (its socket is closed) and returns it once it has ended, or after
     * {@link #CANCEL_WAIT}. Only the token that started it may; one that had ended already is a conflict, since
     * nothing was cancelled.
     */
    SessionRecord cancel(SessionRecord record, Caller caller) {
        if (!record.owner().equals(caller.name())) {
            throw new RefusedException(
                    Refusal.NOT_PERMITTED,
                    "the session was started by" + " the token '" + record.owner()
                            + "'; only that token may cancel it");
        }
        if (!record.isRunning()) {
            throw new RefusedException(
                    Refusal.SESSION_ENDED,
                    "session '" + record.id() + "' had ended already (" + record.status()
                            + "): there was nothing to cancel");
        }
        record.client().cancel();
        awaitEnd(record, CANCEL_WAIT);
        return record;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Graceful shutdown: no new sessions; running ones get {@code flagrunner.session.shutdown-grace} to
     * end, the rest are cancelled (status CANCELLED). Flags already received are in the store by then.
     */
    @Override
    public void stop() {
        accepting = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                List<SessionRecord> stillRunning = history.running();
                log.info("shutdown: cancelling {} running sessions after the grace period", stillRunning.size());
                stillRunning.forEach(r -> r.client().cancel());
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    /**
     * Not paused with its context (Spring's test context cache pauses idle contexts, and restarts them when a test
     * uses them again): {@link #stop()} is a shutdown that refuses new sessions and ends the executor for good.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (no new requests) and before the embedded math server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
