package dev.flagrunner.session;

import dev.flagrunner.web.Page;
import dev.flagrunner.web.PageRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The sessions the service remembers ({@code flagrunner.session.history}), newest first, and their index by id.
 * A running session is never dropped: while more sessions run than the bound, the history holds them all, and
 * it drops the oldest ended ones as new ones come. Each session gets a sequence number as it enters, the cursor of
 * {@code GET /sessions}. Thread-safe.
 */
final class SessionHistory {

    private final int bound;
    private final Map<String, SessionRecord> byId = new ConcurrentHashMap<>();
    /** Newest first; guarded by itself, as {@link #lastSequence}. */
    private final ArrayDeque<SessionRecord> history = new ArrayDeque<>();

    private long lastSequence;

    SessionHistory(int bound) {
        this.bound = bound;
    }

    /** Remembers a session that has just started, dropping the oldest ended ones beyond the bound. */
    void add(SessionRecord record) {
        byId.put(record.id(), record);
        synchronized (history) {
            // Numbered under the lock that orders the history, so the numbers fall from its head to its tail.
            record.numbered(++lastSequence);
            history.addFirst(record);
            if (history.size() > bound) {
                Iterator<SessionRecord> oldestFirst = history.descendingIterator();
                while (history.size() > bound && oldestFirst.hasNext()) {
                    SessionRecord old = oldestFirst.next();
                    if (!old.isRunning()) {
                        oldestFirst.remove();
                        byId.remove(old.id());
                    }
                }
            }
        }
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
