package dev.flagrunner.flag;

import dev.flagrunner.FlagrunnerProperties;
import dev.flagrunner.protocol.Dialects;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Captured flags in memory: bounded by {@code flagrunner.flags.capacity}, newest first, one entry per
 * (target, studentId, flag). When full, the oldest entry goes and {@code flagrunner.flags.evicted} counts it.
 */
@Component
public class FlagStore {

    private final int capacity;
    /** Insertion order = capture order; a re-capture moves its entry to the end (newest). */
    private final LinkedHashMap<CapturedFlag.Key, CapturedFlag> entries = new LinkedHashMap<>();
    private final MeterRegistry registry;
    private final Counter evicted;

    public FlagStore(FlagrunnerProperties properties, MeterRegistry registry) {
        this.capacity = properties.flags().capacity();
        this.registry = registry;
        this.evicted = Counter.builder("flagrunner.flags.evicted")
                .description("Flags dropped from the full store, oldest first")
                .register(registry);
        Gauge.builder("flagrunner.flags.stored", this, FlagStore::size)
                .description("Flags held in the in-memory store")
                .register(registry);
        // Every dialect's series from the start (at zero), so a dashboard shows 0, not "No data".
        Dialects.all().forEach(dialect -> captured(dialect.name()));
    }

    private Counter captured(String dialect) {
        return Counter.builder("flagrunner.flags.captured")
                .description("Flags captured by sessions")
                .tag("dialect", dialect)
                .register(registry);
    }

    /** Stores a captured flag (or refreshes the same one captured before). */
    public void add(CapturedFlag flag) {
        captured(flag.dialect()).increment();
        synchronized (entries) {
            entries.remove(flag.key());
            entries.put(flag.key(), flag);
            if (entries.size() > capacity) {
                Iterator<Map.Entry<CapturedFlag.Key, CapturedFlag>> oldest = entries.entrySet().iterator();
                oldest.next();
                oldest.remove();
                evicted.increment();
            }
        }
    }

    /** All flags, newest first; only those of one student when {@code studentId} is not null. */
    public List<CapturedFlag> list(String studentId) {
        List<CapturedFlag> out = new ArrayList<>();
        synchronized (entries) {
            for (CapturedFlag f : entries.values()) {
                if (studentId == null || f.studentId().equals(studentId)) {
                    out.add(f);
                }
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
