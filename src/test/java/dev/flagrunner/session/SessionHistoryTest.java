package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SessionListener;
import dev.flagrunner.protocol.SocketOpener;
import dev.flagrunner.support.SessionSpecs;
import dev.flagrunner.support.TempStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's shares per owner, and what a restart finds in the durable store. */
class SessionHistoryTest {

    private static final Dialect STATUS = Dialects.byName("status").orElseThrow();
    private static final ResolvedTarget TARGET = new ResolvedTarget(
            "embedded", "127.0.0.1", 1, false, STATUS, STATUS.defaultClassId(), TargetTrust.SYSTEM, List.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A session that never runs here: its client is never started. */
    private static SessionRecord session(String owner, String student) {
        ClientSession client = new ClientSession(
                SessionSpecs.of(
                        "127.0.0.1",
                        1,
                        STATUS,
                        STATUS.defaultClassId(),
                        student,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                (SocketOpener) (host, port, timeout) -> {
                    throw new SessionFailure(FailureReason.CONNECT_FAILED, "not used");
                },
                SessionListener.NONE);
        return new SessionRecord(UUID.randomUUID().toString(), student, owner, TARGET, CLOCK.instant(), client);
    }

    private static SessionRecord ended(SessionHistory history, String owner, String student, String flag) {
        SessionRecord r = session(owner, student);
        history.add(r);
        SessionRecord.Ending ending = SessionRecord.ending(flag, null, CLOCK);
        history.ending(r, ending);
        r.end(ending);
        return r;
    }

    @Test
    void oneOwnersSessionsDoNotPushAnotherOwnersOut() {
        SessionHistory history = new SessionHistory(4, 2);
        SessionRecord bob1 = ended(history, "bob", "b1", "F1");
        SessionRecord bob2 = ended(history, "bob", "b2", "F2");
        List<SessionRecord> alice = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alice.add(ended(history, "alice", "a" + i, "A" + i));
        }

        // Before each owner had a share, alice's five pushed bob's two out of the shared four (404 for bob).
        assertThat(history.find(bob1.id())).isPresent();
        assertThat(history.find(bob2.id())).isPresent();
        assertThat(history.find(alice.get(2).id())).isEmpty();
        assertThat(history.find(alice.get(3).id())).isPresent();
        assertThat(history.find(alice.get(4).id())).isPresent();
    }

    @Test
    void runningSessionsAreNeverDroppedEvenBeyondTheShare() {
        SessionHistory history = new SessionHistory(2, 1);
        SessionRecord old = ended(history, "alice", "x", "F");
        List<SessionRecord> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SessionRecord r = session("alice", "r" + i);
            history.add(r);
            running.add(r);
        }
        assertThat(history.find(old.id())).isEmpty();
        running.forEach(r -> assertThat(history.find(r.id())).isPresent());
    }

    @Test
    void aRestartFindsTheEndedSessionsAndEndsTheRunningOnesAsInterrupted() {
        String endedId;
        String runningId;
        long lastSequence;
        try (TempStore db = TempStore.open(dir)) {
            SessionHistory history = new SessionHistory(10, 1, new SqlSessionJournal(db.store()), CLOCK.instant());
            SessionRecord done = ended(history, "alice", "001", "FLAG1");
            SessionRecord running = session("alice", "002");
            history.add(running);
            endedId = done.id();
            runningId = running.id();
            lastSequence = running.sequence();
        }
        Instant restart = CLOCK.instant().plusSeconds(60);
        try (TempStore db = TempStore.open(dir)) {
            SessionHistory history = new SessionHistory(10, 1, new SqlSessionJournal(db.store()), restart);

            SessionView done = history.find(endedId).orElseThrow().view();
            assertThat(done.status()).isEqualTo(SessionStatus.FLAG_CAPTURED);
            assertThat(done.flag()).isEqualTo("FLAG1");
            assertThat(done.startedAt()).isEqualTo(CLOCK.instant());
            assertThat(done.target()).isEqualTo(TARGET.view());

            SessionView cut = history.find(runningId).orElseThrow().view();
            assertThat(cut.status()).isEqualTo(SessionStatus.FAILED);
            assertThat(cut.failure().reason()).isEqualTo("INTERRUPTED");
            assertThat(cut.endedAt()).isEqualTo(restart);
            assertThat(cut.flag()).isNull();

            SessionRecord next = session("alice", "003");
            history.add(next);
            assertThat(next.sequence()).isGreaterThan(lastSequence);
            Page<SessionView> page = history.page(r -> true, new PageRequest(10, Long.MAX_VALUE));
            assertThat(page.items()).extracting(SessionView::studentId).containsExactly("003", "002", "001");
        }
    }

    @Test
    void sharesHoldAcrossARestartAndDropsReachTheFile() {
        String bob;
        try (TempStore db = TempStore.open(dir)) {
            SessionHistory history = new SessionHistory(4, 2, new SqlSessionJournal(db.store()), CLOCK.instant());
            bob = ended(history, "bob", "b", "FB").id();
            for (int i = 0; i < 3; i++) {
                ended(history, "alice", "a" + i, "A" + i);
            }
        }
        try (TempStore db = TempStore.open(dir)) {
            SessionHistory history = new SessionHistory(4, 2, new SqlSessionJournal(db.store()), CLOCK.instant());
            assertThat(history.find(bob)).isPresent();
            assertThat(history.page(r -> true, new PageRequest(10, Long.MAX_VALUE))
                            .items())
                    .extracting(SessionView::studentId)
                    .containsExactly("a2", "a1", "b");
            Optional<Integer> rows = Optional.of(db.store()
                    .read(
                            "count",
                            jdbc -> jdbc.sql("SELECT COUNT(*) FROM sessions")
                                    .query(Integer.class)
                                    .single()));
            assertThat(rows).contains(3);
        }
    }
}
