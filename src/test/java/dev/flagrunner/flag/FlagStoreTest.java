package dev.flagrunner.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.config.Role;
import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.security.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagStoreTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static final Caller READER = new Caller("reader", Set.of(Role.READ));

    private FlagStore store(int capacity) {
        return new FlagStore(capacity, 1, registry);
    }

    private static CapturedFlag flag(String student, String flag, String target, int second) {
        return flag("owner", student, flag, target, second);
    }

    private static CapturedFlag flag(String owner, String student, String flag, String target, int second) {
        return new CapturedFlag(
                student,
                flag,
                target,
                "status",
                "cs5700fall2020",
                "s-" + student + "-" + second,
                Instant.ofEpochSecond(second),
                owner);
    }

    @Test
    void listsNewestFirstAndFiltersByStudent() {
        FlagStore store = store(10);
        store.add(flag("a", "f1", "embedded", 1));
        store.add(flag("b", "f2", "embedded", 2));
        store.add(flag("a", "f3", "lab", 3));

        assertThat(store.list(null, READER)).extracting(CapturedFlag::flag).containsExactly("f3", "f2", "f1");
        assertThat(store.list("a", READER)).extracting(CapturedFlag::flag).containsExactly("f3", "f1");
        assertThat(store.list("nobody", READER)).isEmpty();
    }

    @Test
    void capturingTheSameFlagAgainRefreshesItInPlaceInsteadOfDuplicating() {
        FlagStore store = store(10);
        store.add(flag("a", "f1", "embedded", 1));
        store.add(flag("b", "f2", "embedded", 2));
        store.add(flag("a", "f1", "embedded", 3));

        assertThat(store.list(null, READER)).extracting(CapturedFlag::flag).containsExactly("f2", "f1");
        assertThat(store.list(null, READER).get(1).capturedAt()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(registry.get("flagrunner.flags.captured").counters())
                .extracting(io.micrometer.core.instrument.Counter::count)
                .containsOnlyOnce(3.0)
                .containsOnly(0.0, 3.0);
        assertThat(registry.get("flagrunner.flags.stored").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void theSameFlagFromAnotherTargetIsAnotherEntry() {
        FlagStore store = store(10);
        store.add(flag("a", "f1", "embedded", 1));
        store.add(flag("a", "f1", "lab", 2));

        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void whenFullTheOldestGoesAndIsCounted() {
        FlagStore store = store(3);
        for (int i = 1; i <= 5; i++) {
            store.add(flag("s" + i, "f" + i, "embedded", i));
        }

        assertThat(store.list(null, READER)).extracting(CapturedFlag::flag).containsExactly("f5", "f4", "f3");
        assertThat(registry.get("flagrunner.flags.evicted").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("flagrunner.flags.stored").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void toStringNeverShowsTheFlag() {
        assertThat(flag("a", "secret-flag-value", "embedded", 1).toString()).doesNotContain("secret-flag-value");
    }

    @Test
    void everyDialectsCapturedCounterExistsAtZeroBeforeItsFirstFlag() {
        store(10);

        for (dev.flagrunner.protocol.Dialect dialect : dev.flagrunner.protocol.Dialects.all()) {
            assertThat(registry.find("flagrunner.flags.captured")
                            .tag("dialect", dialect.name())
                            .counter())
                    .as(dialect.name())
                    .isNotNull()
                    .extracting(c -> c.count())
                    .isEqualTo(0.0);
        }
    }

    @Test
    void eachOwnerHasAnEqualShareAndAFloodEvictsOnlyTheFloodersOwnFlags() {
        FlagStore store = new FlagStore(6, 2, registry);
        store.add(flag("patient", "p", "p1", "embedded", 1));
        store.add(flag("patient", "p", "p2", "embedded", 2));
        for (int i = 0; i < 100; i++) {
            store.add(flag("flooder", "f" + i, "x" + i, "embedded", 10 + i));
        }

        assertThat(store.list(null, READER))
                .filteredOn(f -> f.owner().equals("patient"))
                .extracting(CapturedFlag::flag)
                .containsExactly("p2", "p1");
        assertThat(store.list(null, READER))
                .filteredOn(f -> f.owner().equals("flooder"))
                .extracting(CapturedFlag::flag)
                .containsExactly("x99", "x98", "x97");
        assertThat(registry.get("flagrunner.flags.evicted").counter().count()).isEqualTo(97.0);
    }

    @Test
    void aCallerWithoutReadSeesOnlyItsOwnFlags() {
        FlagStore store = store(10);
        store.add(flag("alice", "a", "fa", "embedded", 1));
        store.add(flag("bob", "a", "fb", "embedded", 2));

        Caller alice = new Caller("alice", Set.of(Role.RUN));
        assertThat(store.list(null, alice)).extracting(CapturedFlag::flag).containsExactly("fa");
        assertThat(store.list("a", alice)).extracting(CapturedFlag::flag).containsExactly("fa");
        assertThat(store.list(null, new Caller("metrics", Set.of(Role.METRICS))))
                .isEmpty();
    }

    @Test
    void theSameFlagCapturedByTwoCallersIsOneEntryForEach() {
        FlagStore store = store(10);
        store.add(flag("alice", "a", "f1", "embedded", 1));
        store.add(flag("bob", "a", "f1", "embedded", 2));

        assertThat(store.list(null, new Caller("alice", Set.of(Role.RUN)))).hasSize(1);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void aWalkThroughThePagesMeetsAFlagCapturedAgainDuringItOnce() {
        FlagStore store = store(10);
        store.add(flag("s1", "f1", "embedded", 1));
        store.add(flag("s2", "f2", "embedded", 2));
        store.add(flag("s3", "f3", "embedded", 3));

        List<String> seen = new ArrayList<>();
        Page<CapturedFlag> page = store.page(null, READER, new PageRequest(1, Long.MAX_VALUE));
        page.items().forEach(f -> seen.add(f.studentId()));
        store.add(flag("s1", "f1", "embedded", 4)); // s1 runs again while the walk is under way
        while (page.next() != null) {
            page = store.page(null, READER, new PageRequest(1, page.next()));
            page.items().forEach(f -> seen.add(f.studentId()));
        }

        assertThat(seen).containsExactly("s3", "s2", "s1");
    }
}
