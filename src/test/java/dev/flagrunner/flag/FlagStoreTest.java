package dev.flagrunner.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagStoreTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private FlagStore store(int capacity) {
        FlagrunnerProperties properties = new FlagrunnerProperties("embedded", Map.of(), List.of(),
                new FlagrunnerProperties.Session(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10),
                        java.time.Duration.ofSeconds(30), 200, 1000, java.time.Duration.ofSeconds(10), 1_000_000,
                        java.time.Duration.ofMinutes(5)),
                new FlagrunnerProperties.Flags(capacity),
                new FlagrunnerProperties.EmbeddedServer(true, List.of("status"), false,
                        new FlagrunnerProperties.Questions(100, 1000), "", List.of(), null),
                new FlagrunnerProperties.Health(java.time.Duration.ofSeconds(30)), null);
        return new FlagStore(properties, registry);
    }

    private static CapturedFlag flag(String student, String flag, String target, int second) {
        return new CapturedFlag(student, flag, target, "status", "cs5700fall2020", "s-" + student + "-" + second,
                Instant.ofEpochSecond(second));
    }

    @Test
    void listsNewestFirstAndFiltersByStudent() {
        FlagStore store = store(10);
        store.add(flag("a", "f1", "embedded", 1));
        store.add(flag("b", "f2", "embedded", 2));
        store.add(flag("a", "f3", "lab", 3));

        assertThat(store.list(null)).extracting(CapturedFlag::flag).containsExactly("f3", "f2", "f1");
        assertThat(store.list("a")).extracting(CapturedFlag::flag).containsExactly("f3", "f1");
        assertThat(store.list("nobody")).isEmpty();
    }

    @Test
    void capturingTheSameFlagAgainRefreshesItInsteadOfDuplicating() {
        FlagStore store = store(10);
        store.add(flag("a", "f1", "embedded", 1));
        store.add(flag("b", "f2", "embedded", 2));
        store.add(flag("a", "f1", "embedded", 3));

        assertThat(store.list(null)).extracting(CapturedFlag::flag).containsExactly("f1", "f2");
        assertThat(store.list(null).get(0).capturedAt()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(registry.get("flagrunner.flags.captured").counters())
                .extracting(io.micrometer.core.instrument.Counter::count).containsOnlyOnce(3.0).containsOnly(0.0, 3.0);
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

        assertThat(store.list(null)).extracting(CapturedFlag::flag).containsExactly("f5", "f4", "f3");
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
            assertThat(registry.find("flagrunner.flags.captured").tag("dialect", dialect.name()).counter())
                    .as(dialect.name()).isNotNull().extracting(c -> c.count()).isEqualTo(0.0);
        }
    }
}
