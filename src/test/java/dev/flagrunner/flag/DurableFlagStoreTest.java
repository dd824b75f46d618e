package dev.flagrunner.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.config.Role;
import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.security.Caller;
import dev.flagrunner.store.StoreException;
import dev.flagrunner.support.TempStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flag store on a real SQLite file: what a restart finds (a new store on the same file) is what the old one
 * showed, with the same shares, eviction and cursors, and a write the file refuses leaves nothing shown.
 */
class DurableFlagStoreTest {

    private static final Caller READER = new Caller("reader", Set.of(Role.READ));

    @TempDir
    Path dir;

    private static FlagStore store(TempStore db, int capacity, int owners) {
        return new FlagStore(capacity, owners, new SimpleMeterRegistry(), new SqlFlagJournal(db.store()));
    }

    private static CapturedFlag flag(String owner, String student, String flag, int second) {
        return new CapturedFlag(
                student,
                flag,
                "embedded",
                "status",
                "cs5700fall2020",
                "s-" + second,
                Instant.ofEpochSecond(second, 123_456_789),
                owner);
    }

    @Test
    void aRestartFindsEveryFlagWithItsValuesAndPlace() {
        List<CapturedFlag> before;
        try (TempStore db = TempStore.open(dir)) {
            FlagStore store = store(db, 10, 1);
            store.add(flag("alice", "a", "f1", 1));
            store.add(flag("alice", "b", "f2", 2));
            store.add(flag("alice", "a", "f1", 3)); // refreshed in place
            before = store.list(null, READER);
        }
        try (TempStore db = TempStore.open(dir)) {
            FlagStore again = store(db, 10, 1);
            assertThat(again.list(null, READER)).containsExactlyElementsOf(before);
            assertThat(before.get(1).capturedAt()).isEqualTo(Instant.ofEpochSecond(3, 123_456_789));
        }
    }

    @Test
    void cursorsGoOnGrowingAcrossARestartSoAWalkMeetsEachFlagOnce() {
        Page<CapturedFlag> first;
        try (TempStore db = TempStore.open(dir)) {
            FlagStore store = store(db, 100, 1);
            for (int i = 1; i <= 5; i++) {
                store.add(flag("alice", "s" + i, "f" + i, i));
            }
            first = store.page(null, READER, new PageRequest(2, Long.MAX_VALUE));
        }
        try (TempStore db = TempStore.open(dir)) {
            FlagStore again = store(db, 100, 1);
            again.add(flag("alice", "s6", "f6", 6));
            List<String> walked = new ArrayList<>();
            first.items().forEach(f -> walked.add(f.flag()));
            Long cursor = first.next();
            while (cursor != null) {
                Page<CapturedFlag> page = again.page(null, READER, new PageRequest(2, cursor));
                page.items().forEach(f -> walked.add(f.flag()));
                cursor = page.next();
            }
            // f6 came after the walk began: it is on a new first page, not met again in this walk.
            assertThat(walked).containsExactly("f5", "f4", "f3", "f2", "f1");
            assertThat(again.list(null, READER).get(0).flag()).isEqualTo("f6");
        }
    }

    @Test
    void sharesAndEvictionHoldAcrossARestart() {
        try (TempStore db = TempStore.open(dir)) {
            FlagStore store = store(db, 4, 2);
            store.add(flag("bob", "b", "b1", 1));
            store.add(flag("alice", "a", "a1", 2));
            store.add(flag("alice", "a", "a2", 3));
        }
        try (TempStore db = TempStore.open(dir)) {
            FlagStore again = store(db, 4, 2);
            again.add(flag("alice", "a", "a3", 4)); // alice's share is 2: a1 goes, bob's b1 stays
            assertThat(again.list(null, READER)).extracting(CapturedFlag::flag).containsExactly("a3", "a2", "b1");
        }
        try (TempStore db = TempStore.open(dir)) {
            assertThat(store(db, 4, 2).list(null, READER))
                    .extracting(CapturedFlag::flag)
                    .containsExactly("a3", "a2", "b1");
            // A smaller capacity at the next start keeps each owner's newest and drops the rest from the file too.
            assertThat(store(db, 2, 2).list(null, READER))
                    .extracting(CapturedFlag::flag)
                    .containsExactly("a3", "b1");
        }
        try (TempStore db = TempStore.open(dir)) {
            assertThat(store(db, 10, 2).list(null, READER))
                    .extracting(CapturedFlag::flag)
                    .containsExactly("a3", "b1");
        }
    }

    @Test
    void aFlagTheFileRefusesIsNeitherShownNorCounted() {
        try (TempStore db = TempStore.open(dir)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            FlagStore store = new FlagStore(10, 1, registry, new SqlFlagJournal(db.store()));
            store.add(flag("alice", "a", "f1", 1));
            db.store()
                    .write(
                            "breaking the table",
                            jdbc -> jdbc.sql("DROP TABLE flags").update());

            assertThatThrownBy(() -> store.add(flag("alice", "b", "f2", 2)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("storing a flag failed: ")
                    .hasMessageNotContaining("f2");
            assertThat(store.list(null, READER)).extracting(CapturedFlag::flag).containsExactly("f1");
            assertThat(registry.get("flagrunner.flags.captured")
                            .tag("dialect", "status")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aWriteAlongsideCommitsWithTheFlagAndItsFailureKeepsNeither() {
        try (TempStore db = TempStore.open(dir)) {
            db.store()
                    .write(
                            "a side table",
                            jdbc -> jdbc.sql("CREATE TABLE side (n INTEGER NOT NULL)")
                                    .update());
            FlagStore store = store(db, 10, 1);
            store.add(flag("alice", "a", "f1", 1), () -> side(db, 1));

            assertThatThrownBy(() -> store.add(flag("alice", "b", "f2", 2), () -> side(db, null)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("storing a flag failed: ");
            assertThat(store.list(null, READER)).extracting(CapturedFlag::flag).containsExactly("f1");
        }
        try (TempStore db = TempStore.open(dir)) {
            // The flag was written before the side row that failed: one transaction, so the file has neither.
            assertThat(store(db, 10, 1).list(null, READER))
                    .extracting(CapturedFlag::flag)
                    .containsExactly("f1");
            List<Integer> sideRows = db.store()
                    .read(
                            "the side rows",
                            jdbc -> jdbc.sql("SELECT n FROM side")
                                    .query(Integer.class)
                                    .list());
            assertThat(sideRows).containsExactly(1);
        }
    }

    /** A write through the same store, as a session's end is written beside its flag; null breaks NOT NULL. */
    private static void side(TempStore db, Integer n) {
        db.store()
                .write(
                        "a side row",
                        jdbc -> jdbc.sql("INSERT INTO side (n) VALUES (?)")
                                .param(n)
                                .update());
    }
}
