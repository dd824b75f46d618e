package dev.flagrunner.flag;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.security.Caller;
import dev.flagrunner.security.TokenRegistry;
import dev.flagrunner.store.SqlStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Captured flags: bounded by {@code flagrunner.flags.capacity}, newest first, one entry per (owner, target,
 * studentId, flag). Each caller that may start sessions (an owner) has an equal share of the capacity: when an
 * owner's share is full, that owner's oldest entry goes and {@code flagrunner.flags.evicted} counts it, so one
 * caller's captures never evict another caller's flags.
 *
 * <p>The index is in memory (pages are read from it); with the durable store every change is committed to the
 * {@link FlagJournal} first, so a flag is on disk before a listing, a metric or a session shows it, and the index is
 * rebuilt from the journal at start: sequence numbers (the cursors) go on from the highest kept.
 */
@Component
public class FlagStore {

    private final int sharePerOwner;
    /** Entries per owner; guarded by {@link #entries}. */
    private final Map<String, Integer> perOwner = new HashMap<>();
    /**
     * By capture sequence number, which only grows (the cursor of {@code GET /flags}); a re-capture keeps the number
     * of its first capture and stays in its place ({@link #add}). Guarded by itself, as {@link #sequences}.
     */
    private final TreeMap<Long, CapturedFlag> entries = new TreeMap<>();

    private final Map<CapturedFlag.Key, Long> sequences = new HashMap<>();
    private long lastSequence;
    private final MeterRegistry registry;
    private final Counter evicted;

    private final FlagJournal journal;

    @Autowired
    public FlagStore(
            FlagrunnerProperties properties,
            TokenRegistry tokens,
            MeterRegistry registry,
            ObjectProvider<SqlStore> durable) {
        this(
                properties.flags().capacity(),
                tokens.owners(),
                registry,
                durable.stream()
                        .findFirst()
                        .<FlagJournal>map(SqlFlagJournal::new)
                        .orElse(FlagJournal.NONE));
    }

    /** A store of this capacity, shared equally by this many owners: without tokens, as in its users' unit tests. */
    public FlagStore(int capacity, int owners, MeterRegistry registry) {
        this(capacity, owners, registry, FlagJournal.NONE);
    }

    FlagStore(int capacity, int owners, MeterRegistry registry, FlagJournal journal) {
        this.sharePerOwner = Math.max(1, capacity / owners);
        this.journal = journal;
        this.registry = registry;
        this.evicted = Counter.builder("flagrunner.flags.evicted")
                .description("Flags dropped from the full store, oldest first")
                .register(registry);
        Gauge.builder("flagrunner.flags.stored", this, FlagStore::size)
                .description("Flags held in the store")
                .register(registry);
        // Every dialect's series from the start (at zero), so a dashboard shows 0, not "No data".
        Dialects.all().forEach(dialect -> captured(dialect.name()));
        restore();
    }

    /**
     * The journal's flags back in the index, oldest first; those beyond an owner's share now (a smaller capacity,
     * more owners) are dropped from the journal too.
     */
    private void restore() {
        List<Long> dropped = new ArrayList<>();
        synchronized (entries) {
            for (FlagJournal.Numbered kept : journal.load()) {
                CapturedFlag flag = kept.flag();
                lastSequence = Math.max(lastSequence, kept.sequence());
                sequences.put(flag.key(), kept.sequence());
                entries.put(kept.sequence(), flag);
                perOwner.merge(flag.owner(), 1, Integer::sum);
                if (perOwner.get(flag.owner()) > sharePerOwner) {
                    Long oldest = oldestOf(flag.owner());
                    drop(oldest);
                    dropped.add(oldest);
                }
            }
        }
        journal.evicted(dropped);
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
        add(flag, () -> {});
    }

    /**
     * As {@link #add(CapturedFlag)}, with {@code alongside}'s durable writes (a session's end, through the same
     * {@link SqlStore}) in the flag's transaction: one commit for both, before the index, a metric or the caller
     * shows either. A failure ({@code StoreException}) keeps neither and leaves the index as it was.
     */
    public void add(CapturedFlag flag, Runnable alongside) {
        synchronized (entries) {
            Long before = sequences.get(flag.key());
            if (before != null) {
                journal.refreshed(before, flag, alongside);
                entries.put(before, flag);
            } else {
                Long oldest =
                        perOwner.getOrDefault(flag.owner(), 0) + 1 > sharePerOwner ? oldestOf(flag.owner()) : null;
                long sequence = lastSequence + 1;
                // Durable first: a failure here (StoreException) leaves the index as it was, the flag unreported.
                journal.added(sequence, flag, oldest, alongside);
                lastSequence = sequence;
                perOwner.merge(flag.owner(), 1, Integer::sum);
                sequences.put(flag.key(), sequence);
                entries.put(sequence, flag);
                if (oldest != null) {
                    drop(oldest);
                    evicted.increment();
                }
            }
        }
        captured(flag.dialect()).increment();
    }

    /** The sequence number of the owner's oldest flag; the owner has one. Called under the lock. */
    private Long oldestOf(String owner) {
        for (Map.Entry<Long, CapturedFlag> e : entries.entrySet()) {
            if (e.getValue().owner().equals(owner)) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no flag of the owner to evict");
    }

    private void drop(long sequence) {
        CapturedFlag gone = entries.remove(sequence);
        sequences.remove(gone.key());
        perOwner.merge(gone.owner(), -1, Integer::sum);
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
