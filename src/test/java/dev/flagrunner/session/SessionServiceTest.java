package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.config.FlagrunnerSecurityProperties;
import dev.flagrunner.config.Role;
import dev.flagrunner.flag.FlagStore;
import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import dev.flagrunner.security.Caller;
import dev.flagrunner.support.HoldingServer;
import dev.flagrunner.tls.ServerCertificate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * {@link SessionService} without Spring: sessions against the real reference server (the embedded one, status,
 * three questions, on loopback) and against a server that holds every session until it is cancelled, a fixed
 * clock, and the service's own executor (or one that refuses).
 */
class SessionServiceTest {

    private static final FlagrunnerProperties.Store MEMORY =
            new FlagrunnerProperties.Store(FlagrunnerProperties.Store.StoreType.MEMORY, Path.of("flagrunner-data"));

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long {@link SessionService#stop()} lets running sessions go on: held ones are cancelled after it. */
    private static final Duration SHORT_GRACE = Duration.ofMillis(100);

    private static final Caller ALICE = new Caller("alice", Set.of(Role.RUN));
    private static final Caller BOB = new Caller("bob", Set.of(Role.RUN));
    private static final Caller READER = new Caller("reader", Set.of(Role.READ));

    private static EmbeddedMathServer embedded;
    private static HoldingServer holding;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FlagStore flags = new FlagStore(100, 1, registry);
    private SessionService service;

    @BeforeAll
    static void startTheServers() throws IOException {
        embedded =
                new EmbeddedMathServer(properties(10, 10, null, Duration.ofSeconds(5), 0), new SimpleMeterRegistry());
        embedded.start();
        holding = new HoldingServer(16);
    }

    @AfterAll
    static void stopTheServers() throws IOException {
        embedded.stop();
        holding.close();
    }

    @AfterEach
    void stopTheService() {
        if (service != null) {
            service.stop();
        }
    }

    /** Sessions of at most 20 s each; {@code holdingPort} is allowed besides the embedded listeners (0: none). */
    private static FlagrunnerProperties properties(
            int maxConcurrent, int history, Integer perToken, Duration grace, int holdingPort) {
        return new FlagrunnerProperties(
                "embedded",
                Map.of(),
                holdingPort == 0 ? List.of() : List.of("127.0.0.1:" + holdingPort),
                new FlagrunnerProperties.Session(
                        Duration.ofSeconds(5),
                        WAIT,
                        Duration.ofSeconds(30),
                        maxConcurrent,
                        history,
                        grace,
                        1_000,
                        WAIT,
                        DataSize.ofMegabytes(16)),
                new FlagrunnerProperties.Flags(100),
                MEMORY,
                new FlagrunnerProperties.EmbeddedServer(
                        true,
                        List.of("status"),
                        false,
                        new FlagrunnerProperties.Questions(3, 3),
                        "",
                        List.of(),
                        null,
                        1024,
                        64,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(10)),
                new FlagrunnerProperties.Health(Duration.ofSeconds(30)),
                null,
                new FlagrunnerSecurityProperties(true, Map.of(), Path.of("flagrunner-token"), perToken),
                new FlagrunnerProperties.Web(Duration.ofSeconds(10), Duration.ofSeconds(10), List.of()));
    }

    private SessionService service(
            int maxConcurrent, int history, Integer perToken, Duration grace, Clock clock, ExecutorService executor) {
        FlagrunnerProperties properties = properties(maxConcurrent, history, perToken, grace, holding.port());
        service = new SessionService(
                properties,
                new TargetResolver(properties, embedded),
                new SocketOpeners(embedded),
                flags,
                new SessionMetrics(registry),
                clock,
                executor,
                new SessionHistory(history, 1));
        service.start();
        return service;
    }

    private SessionService service(int maxConcurrent, int history, Integer perToken) {
        return service(
                maxConcurrent,
                history,
                perToken,
                SHORT_GRACE,
                Clock.systemUTC(),
                SessionConfiguration.sessionThreads(maxConcurrent));
    }

    /** A session against the embedded reference server: it captures its flag in a few milliseconds. */
    private static SessionRequest capturing(String studentId) {
        return new SessionRequest(studentId, null, null, null, null, null, null);
    }

    /** A session against the holding server: it runs until it is cancelled. */
    private static SessionRequest held(String studentId) {
        return new SessionRequest(studentId, null, null, "127.0.0.1", holding.port(), null, null);
    }

    private SessionRecord ended(SessionService sessions, SessionRecord record) {
        assertThat(sessions.awaitEnd(record, WAIT))
                .as("session %s ended", record.id())
                .isTrue();
        return record;
    }

    /** The ids of {@code count} sessions of alice's, each started after the one before has captured its flag. */
    private List<String> capturedOneAfterAnother(SessionService sessions, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ended(sessions, sessions.start(capturing("s" + i), ALICE)).id());
        }
        return ids;
    }

    private SessionRecord cancelled(SessionService sessions, SessionRecord record) {
        record.client().cancel();
        return ended(sessions, record);
    }

    /** The first page of what the caller sees, as GET /sessions lists it without a cursor. */
    private static List<SessionView> list(SessionService sessions, SessionStatus status, Caller caller) {
        return sessions.page(status, caller, PageRequest.of(null, null)).items();
    }

    private static void assertTooMany(Runnable start, String detail) {
        assertThatThrownBy(start::run).isInstanceOfSatisfying(RefusedException.class, p -> {
            assertThat(p.reason()).isEqualTo(Refusal.TOO_MANY_SESSIONS);
            assertThat(p.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(p.getMessage()).contains(detail);
        });
    }

    @Test
    void aCapturedFlagIsInTheStoreAndTheMetersBeforeTheSessionShowsItsEndStampedByTheClock() {
        SessionService sessions = service(2, 10, null, SHORT_GRACE, FIXED, SessionConfiguration.sessionThreads(2));

        SessionRecord record = ended(sessions, sessions.start(capturing("001234567"), ALICE));

        SessionView view = record.view();
        assertThat(view.status()).isEqualTo(SessionStatus.FLAG_CAPTURED);
        assertThat(view.questionsAnswered()).isEqualTo(3);
        assertThat(view.startedAt()).isEqualTo(NOW);
        assertThat(view.endedAt()).isEqualTo(NOW);
        assertThat(view.durationMillis()).isZero();
        assertThat(flags.list(null, ALICE)).singleElement().satisfies(flag -> {
            assertThat(flag.flag()).isEqualTo(view.flag()).isNotBlank();
            assertThat(flag.capturedAt()).isEqualTo(NOW);
            assertThat(flag.sessionId()).isEqualTo(record.id());
            assertThat(flag.owner()).isEqualTo("alice");
        });
        assertThat(registry.get("flagrunner.sessions")
                        .tags("dialect", "status", "status", "FLAG_CAPTURED", "reason", "none")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("flagrunner.sessions.active").gauge().value()).isZero();
    }

    @Test
    void beyondMaxConcurrentAStartIs429AndAnEndedSessionFreesItsSlot() {
        SessionService sessions = service(2, 10, 10);
        SessionRecord first = sessions.start(held("a"), ALICE);
        sessions.start(held("b"), BOB);

        assertTooMany(
                () -> sessions.start(capturing("c"), READER),
                "2 sessions are running (flagrunner.session.max-concurrent)");

        cancelled(sessions, first);
        assertThat(ended(sessions, sessions.start(capturing("c"), READER)).status())
                .isEqualTo(SessionStatus.FLAG_CAPTURED);
    }

    @Test
    void oneTokenIsCappedAtItsShareWhileAnotherIsStillServed() {
        SessionService sessions = service(10, 10, 1);
        SessionRecord alices = sessions.start(held("a"), ALICE);

        assertTooMany(() -> sessions.start(held("a2"), ALICE), "the token 'alice' has 1 sessions running");
        SessionRecord bobs = sessions.start(held("b"), BOB);

        assertThat(bobs.isRunning()).isTrue();
        cancelled(sessions, alices);
        assertThat(sessions.start(held("a3"), ALICE).isRunning()).isTrue();
    }

    @Test
    void aRefusedStartTakesNoSlot() {
        SessionService sessions = service(1, 10, null);
        assertThatThrownBy(() -> sessions.start(new SessionRequest("x", "nope", null, null, null, null, null), ALICE))
                .isInstanceOfSatisfying(
                        RefusedException.class, p -> assertThat(p.reason()).isEqualTo(Refusal.UNKNOWN_TARGET));

        assertThat(ended(sessions, sessions.start(capturing("y"), ALICE)).status())
                .isEqualTo(SessionStatus.FLAG_CAPTURED);
    }

    @Test
    void theHistoryKeepsTheNewestEndedSessionsWithinItsBound() {
        SessionService sessions = service(2, 3, null);
        List<String> ids = capturedOneAfterAnother(sessions, 5);

        assertThat(list(sessions, null, ALICE))
                .extracting(SessionView::id)
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(sessions.find(ids.get(0), ALICE)).isEmpty();
        assertThat(sessions.find(ids.get(2), ALICE)).isPresent();
    }

    @Test
    void aRunningSessionStaysInTheHistoryBeyondItsBoundUntilItHasEnded() {
        SessionService sessions = service(4, 1, 4);
        SessionRecord running = sessions.start(held("r"), ALICE);
        ended(sessions, sessions.start(capturing("e1"), ALICE));
        SessionRecord newest = ended(sessions, sessions.start(capturing("e2"), ALICE));

        assertThat(list(sessions, null, ALICE)).extracting(SessionView::id).containsExactly(newest.id(), running.id());

        cancelled(sessions, running);
        SessionRecord after = ended(sessions, sessions.start(capturing("e3"), ALICE));
        assertThat(list(sessions, null, ALICE)).extracting(SessionView::id).containsExactly(after.id());
        assertThat(sessions.find(running.id(), ALICE)).isEmpty();
    }

    @Test
    void followingThePagesMeetsEachSessionOnceWhileNewOnesStart() {
        SessionService sessions = service(2, 10, null);
        List<String> ids = capturedOneAfterAnother(sessions, 3);

        Page<SessionView> first = sessions.page(null, ALICE, PageRequest.of("2", null));
        String newer =
                ended(sessions, sessions.start(capturing("later"), ALICE)).id();
        Page<SessionView> second = sessions.page(null, ALICE, PageRequest.of("2", String.valueOf(first.next())));

        assertThat(first.items()).extracting(SessionView::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.items()).extracting(SessionView::id).containsExactly(ids.get(0));
        assertThat(second.next()).isNull();
        assertThat(list(sessions, null, ALICE))
                .extracting(SessionView::id)
                .first()
                .isEqualTo(newer);
    }

    @Test
    void theListIsWhatTheCallerMaySeeInTheStatusAsked() {
        SessionService sessions = service(4, 10, null);
        SessionRecord alices = ended(sessions, sessions.start(capturing("a"), ALICE));
        SessionRecord bobsRunning = sessions.start(held("b"), BOB);

        assertThat(list(sessions, null, ALICE)).extracting(SessionView::id).containsExactly(alices.id());
        assertThat(list(sessions, null, READER))
                .extracting(SessionView::id)
                .containsExactly(bobsRunning.id(), alices.id());
        assertThat(list(sessions, SessionStatus.RUNNING, READER))
                .extracting(SessionView::id)
                .containsExactly(bobsRunning.id());
        assertThat(sessions.find(bobsRunning.id(), ALICE)).isEmpty();
        assertThat(sessions.find(bobsRunning.id(), BOB)).contains(bobsRunning);
    }

    @Test
    void aCancelledSessionEndsCancelledWithItsReasonAndNoFlag() {
        SessionService sessions = service(1, 10, null, SHORT_GRACE, FIXED, SessionConfiguration.sessionThreads(1));
        SessionRecord record = sessions.start(held("c"), ALICE);
        assertThat(record.view().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(record.view().endedAt()).isNull();

        SessionView view = cancelled(sessions, record).view();

        assertThat(view.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(view.failure().reason()).isEqualTo(FailureReason.CANCELLED.name());
        assertThat(view.flag()).isNull();
        assertThat(view.endedAt()).isEqualTo(NOW);
        assertThat(flags.list(null, READER)).isEmpty();
        assertThat(registry.get("flagrunner.sessions")
                        .tags("dialect", "status", "status", "CANCELLED", "reason", "CANCELLED")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void anExecutorThatRefusesEndsTheSessionAsAnInternalErrorAndFreesItsSlot() {
        ExecutorService refusing = SessionConfiguration.sessionThreads(1);
        refusing.shutdown();
        SessionService sessions = service(1, 10, null, SHORT_GRACE, FIXED, refusing);

        SessionRecord first = sessions.start(capturing("x"), ALICE);
        SessionRecord second = sessions.start(capturing("y"), ALICE);

        for (SessionRecord r : List.of(first, second)) {
            assertThat(r.isRunning()).isFalse();
            assertThat(r.view().failure())
                    .isEqualTo(new SessionView.Failure("INTERNAL_ERROR", "the session executor refused the session"));
        }
    }

    @Test
    void stopRefusesNewSessionsAndCancelsThoseStillRunningAfterTheGrace() {
        SessionService sessions =
                service(2, 10, null, SHORT_GRACE, Clock.systemUTC(), SessionConfiguration.sessionThreads(2));
        SessionRecord running = sessions.start(held("s"), ALICE);

        sessions.stop();

        assertThat(running.isRunning()).isFalse();
        assertThat(running.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(sessions.isRunning()).isFalse();
        assertThatThrownBy(() -> sessions.start(capturing("late"), ALICE))
                .isInstanceOfSatisfying(
                        RefusedException.class, p -> assertThat(p.reason()).isEqualTo(Refusal.SHUTTING_DOWN));
    }

    @Test
    void aTargetWhoseTrustFileIsGoneIsUnavailableAndTakesNoSlot(@TempDir Path dir) throws IOException {
        Path pem = dir.resolve("lab.pem");
        Files.writeString(pem, ServerCertificate.selfSigned().certificatePem());
        FlagrunnerProperties base = properties(1, 10, 1, SHORT_GRACE, holding.port());
        FlagrunnerProperties withLab = new FlagrunnerProperties(
                base.defaultTarget(),
                Map.of(
                        "lab",
                        new FlagrunnerProperties.Target(
                                "127.0.0.1", holding.port(), true, "status", null, pem.toString(), List.of())),
                base.allowedEndpoints(),
                base.session(),
                base.flags(),
                base.store(),
                base.embeddedServer(),
                base.health(),
                base.allowedHosts(),
                base.security(),
                base.web());
        Files.delete(pem); // readable at start, gone by the first session (a certificate being rotated)
        service = new SessionService(
                withLab,
                new TargetResolver(withLab, embedded),
                new SocketOpeners(embedded),
                flags,
                new SessionMetrics(registry),
                Clock.systemUTC(),
                SessionConfiguration.sessionThreads(1),
                new SessionHistory(10, 1));
        service.start();

        SessionRequest toLab = new SessionRequest("x", "lab", null, null, null, null, null);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.start(toLab, ALICE))
                    .isInstanceOfSatisfying(
                            RefusedException.class, e -> assertThat(e.reason()).isEqualTo(Refusal.TARGET_UNAVAILABLE))
                    .hasMessage("target 'lab': its TLS trust or protocols cannot be loaded now (the service's log says"
                            + " why)");
        }

        // The service's one slot, and the token's, are still free.
        SessionRecord record = ended(service, service.start(capturing("y"), ALICE));
        assertThat(record.view().status()).isEqualTo(SessionStatus.FLAG_CAPTURED);
    }
}
