package dev.flagrunner.session;

import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The sessions the service remembers ({@code flagrunner.session.history}), newest first, and their index by id.
 * Each caller that may start sessions (an owner) has an equal share of the history, as it has of the flags: a new
 * session of an owner over its share drops that owner's oldest ended ones, so one caller's sessions never push
 * another caller's out. A running session is never dropped: while more of an owner's sessions run than its share,
 * the history holds them all. Each session gets a sequence number as it enters, the cursor of
 * {@code GET /sessions}, which goes on from the highest kept after a restart. With the durable store every entry,
 * end and drop is committed to the {@link SessionJournal} before the history shows it. Thread-safe.
 */
final class SessionHistory {

    private final int sharePerOwner;
    private final SessionJournal journal;
    private final Map<String, SessionRecord> byId = new ConcurrentHashMap<>();
    /** Newest first; guarded by itself, as {@link #lastSequence} and {@link #perOwner}. */
    private final ArrayDeque<SessionRecord> history = new ArrayDeque<>();

    private final Map<String, Integer> perOwner = new HashMap<>();
    private long lastSequence;

    /** A history of this bound shared equally by this many owners, kept nowhere else. */
    SessionHistory(int bound, int owners) {
        this(bound, owners, SessionJournal.NONE, Instant.EPOCH);
    }

    /** A history rebuilt from the journal, whose sessions that were running end as INTERRUPTED at {@code now}. */
    SessionHistory(int bound, int owners, SessionJournal journal, Instant now) {
        this.sharePerOwner = Math.max(1, bound / owners);
        this.journal = journal;
        List<SessionRecord> dropped = new ArrayList<>();
        synchronized (history) {
            for (SessionRecord r : journal.load(now)) {
                lastSequence = Math.max(lastSequence, r.sequence());
                enter(r);
                dropped.addAll(dropBeyondShare(r.owner()));
            }
        }
        journal.evicted(dropped);
    }

    /**
     * Remembers a session that has just started, dropping the owner's oldest ended ones beyond its share; a
     * {@code StoreException} leaves the history as it was.
     */
    void add(SessionRecord record) {
        synchronized (history) {
            // Numbered under the lock that orders the history, so the numbers fall from its head to its tail.
            record.numbered(lastSequence + 1);
            journal.started(record);
            lastSequence++;
            enter(record);
            List<SessionRecord> dropped = dropBeyondShare(record.owner());
            if (!dropped.isEmpty()) {
                // A drop that did not reach the store comes back at the next start and is dropped then.
                journal.evicted(dropped);
            }
        }
    }

    private void enter(SessionRecord record) {
        byId.put(record.id(), record);
        history.addFirst(record);
        perOwner.merge(record.owner(), 1, Integer::sum);
    }

    /** Drops the owner's oldest ended sessions while it holds more than its share; called under the lock. */
    private List<SessionRecord> dropBeyondShare(String owner) {
        List<SessionRecord> dropped = new ArrayList<>();
        Iterator<SessionRecord> oldestFirst = history.descendingIterator();
        while (perOwner.get(owner) > sharePerOwner && oldestFirst.hasNext()) {
            SessionRecord old = oldestFirst.next();
            if (old.owner().equals(owner) && !old.isRunning()) {
                oldestFirst.remove();
                byId.remove(old.id());
                perOwner.merge(owner, -1, Integer::sum);
                dropped.add(old);
            }
        }
        return dropped;
    }

    /** Writes the session's end to the journal; the caller shows it ended afterwards. */
    void ending(SessionRecord record, SessionRecord.Ending ending) {
        journal.ended(record, ending);
    }

    Optional<SessionRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * One page of the views of the sessions that pass the filter, newest first, each taken as the filter saw its
     * session.
     */
    Page<SessionView> page(Predicate<SessionRecord> filter, PageRequest request) {
        List<SessionView> candidates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        synchronized (history) {
            for (SessionRecord r : history) {
                if (request.admits(r.sequence()) && filter.test(r)) {
                    candidates.add(r.view());
                    sequences.add(r.sequence());
                    if (candidates.size() > request.limit()) {
                        break;
                    }
                }
            }
        }
        return Page.of(candidates, sequences, request.limit());
    }

    List<SessionRecord> running() {
        return byId.values().stream().filter(SessionRecord::isRunning).toList();
    }
}
