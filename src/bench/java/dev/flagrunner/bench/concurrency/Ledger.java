package dev.flagrunner.bench.concurrency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * What the submitters and the poller of a load run share: the sessions in flight (submitted, not yet seen
 * ended), the final bodies of the ended ones, the counts and the request errors.
 */
final class Ledger {

    /** A session the driver submitted and has not yet seen ended. */
    record Tracked(int index, String studentId) {}

    final int n;
    final Semaphore inFlight;
    final Map<String, Tracked> pending = new ConcurrentHashMap<>();
    /**
     * Indexes submitted and not yet read. The history drops the oldest ended sessions beyond its size, by
     * start order: a session that ran while that many newer ones started would be dropped as soon as it
     * ended. So no session is started while one {@link #historyWindow} older is still unread.
     */
    final ConcurrentSkipListSet<Integer> unread = new ConcurrentSkipListSet<>();

    final int historyWindow;
    final Map<Integer, JsonNode> ended = new ConcurrentHashMap<>();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger submitted = new AtomicInteger();
    final AtomicInteger tooMany = new AtomicInteger();
    final AtomicInteger submitErrors = new AtomicInteger();
    final AtomicInteger pollErrors = new AtomicInteger();
    final AtomicInteger windowWaits = new AtomicInteger();
    final AtomicLong maxPending = new AtomicLong();
    /** The time of each session's accepted POST (its last attempt), by index. */
    final long[] postNanos;

    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    Ledger(int n, int maxInFlight, int historyWindow) {
        this.n = n;
        this.inFlight = new Semaphore(maxInFlight);
        this.historyWindow = historyWindow;
        this.postNanos = new long[n];
    }

    void accepted(String id, Tracked session) {
        pending.put(id, session);
        maxPending.accumulateAndGet(pending.size(), Math::max);
        submitted.incrementAndGet();
    }

    /** A submission given up: its slot is free again. */
    void abandoned(int index) {
        submitErrors.incrementAndGet();
        unread.remove(index);
        inFlight.release();
    }

    /** The session is read back ended ({@code body} null: it could not be read); its slot is free again. */
    void ended(String id, JsonNode body) {
        Tracked session = pending.remove(id);
        if (session == null) {
            return;
        }
        if (body != null) {
            ended.put(session.index(), body);
        }
        completed.incrementAndGet();
        unread.remove(session.index());
        inFlight.release();
    }

    /** Every session is accounted for: read back ended, or given up. */
    boolean allAccountedFor() {
        return completed.get() + submitErrors.get() >= n;
    }
}
