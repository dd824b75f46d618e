package dev.flagrunner.flag;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.security.Caller;
import dev.flagrunner.security.TokenRegistry;
import dev.flagrunner.web.Page;
import dev.flagrunner.web.PageRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Captured flags in memory: bounded by {@code flagrunner.flags.capacity}, newest first, one entry per
 * (owner, target, studentId, flag). Each caller that may start sessions (an owner) has an equal share of the
 * capacity: when an owner's share is full, that owner's oldest entry goes and {@code flagrunner.flags.evicted}
 * counts it, so one caller's captures never evict another caller's flags.
 */
@Component
public class FlagStore {

    private final int sharePerOwner;
    /** Entries per owner; guarded by {@link #entries}. */
    private final Map<String, Integer> perOwner = new HashMap<>();
    /**
     * By capture sequence number, which only grows (the cursor of {@code GET /flags}); a re-capture gets a new number
     * and so becomes the newest. Guarded by itself, as {@link #sequences}.
     */
    private final TreeMap<Long, CapturedFlag> entries = new TreeMap<>();

    private final Map<CapturedFlag.Key, Long> sequences = new HashMap<>();
    private long lastSequence;
    private final MeterRegistry registry;
    private final Counter evicted;

    @Autowired
    public FlagStore(FlagrunnerProperties properties, TokenRegistry tokens, MeterRegistry registry) {
        this(properties.flags().capacity(), tokens.owners(), registry);
    }

    /** A store of this capacity, shared equally by this many owners: without tokens, as in its users' unit tests. */
    public FlagStore(int capacity, int owners, MeterRegistry registry) {
        this.sharePerOwner = Math.max(1, capacity / owners);
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

    /**
     * Stores a captured flag, or refreshes the same one captured before in its place: it keeps its sequence
     * number, so a walk through the pages that passed it does not meet it again and one that has not reached it
     * still does (moved to the front, a walk under way would miss it).
     */
    public void add(CapturedFlag flag) {
        captured(flag.dialect()).increment();
        synchronized (entries) {
            Long before = sequences.get(flag.key());
            if (before != null) {
                entries.put(before, flag);
                return;
            }
            perOwner.merge(flag.owner(), 1, Integer::sum);
            sequences.put(flag.key(), ++lastSequence);
            entries.put(lastSequence, flag);
            if (perOwner.get(flag.owner()) > sharePerOwner) {
                evictOldestOf(flag.owner());
            }
        }
    }

    private void evictOldestOf(String owner) {
        Iterator<CapturedFlag> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            CapturedFlag oldest = oldestFirst.next();
            if (oldest.owner().equals(owner)) {
                oldestFirst.remove();
                sequences.remove(oldest.key());
                perOwner.merge(owner, -1, Integer::sum);
                evicted.increment();
                return;
            }
        }
    }

    /** The flags the caller may see, newest first; only those of one student when {@code studentId} is not null. */
    public List<CapturedFlag> list(String studentId, Caller caller) {
        return page(studentId, caller, new PageRequest(Integer.MAX_VALUE - 1, Long.MAX_VALUE))
                .items();
    }

    /** One page of the flags the caller may see, newest first, below the request's cursor. */
    public Page<CapturedFlag> page(String studentId, Caller caller, PageRequest request) {
        List<CapturedFlag> candidates = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        synchronized (entries) {
            for (Map.Entry<Long, CapturedFlag> e :
                    entries.headMap(request.before(), false).descendingMap().entrySet()) {
                CapturedFlag f = e.getValue();
                if ((studentId == null || f.studentId().equals(studentId)) && caller.sees(f.owner())) {
                    candidates.add(f);
                    numbers.add(e.getKey());
                    if (candidates.size() > request.limit()) {
                        break;
                    }
                }
            }
        }
        return Page.of(candidates, numbers, request.limit());
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
