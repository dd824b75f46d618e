package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The poller of a load run (on the calling thread): every {@code pollMs} a walk of {@code GET /sessions}, the
 * history (newest first, at most {@code history} sessions), page by page until every pending session has been met
 * (usually the first page; it is paged, and more may be pending than one page holds). Every pending session is in
 * it: at most max-in-flight &lt;= history sessions are pending, and an ended one is read at the first poll after
 * its end, before newer ones could push it out. The ended ones are taken from it; nothing is asked per session. A
 * pending session missing from the history (it cannot be) is asked for by id and reported.
 */
final class HistoryPoller {

    /** What the polling saw; the times are when {@code window} and {@code n - window} sessions had ended. */
    record Polling(
            long lastCompletionNanos,
            int polls,
            long runningSum,
            long missingReads,
            long firstWindowEndEpoch,
            long lastWindowStartEpoch) {}

    private final Service service;
    private final Ledger ledger;
    private final int pollMs;
    private final int window;
    private final Deadline deadline;

    HistoryPoller(Service service, Ledger ledger, int pollMs, int window, Deadline deadline) {
        this.service = service;
        this.ledger = ledger;
        this.pollMs = pollMs;
        this.window = window;
        this.deadline = deadline;
    }

    /** Polls until every session is accounted for (or the submitters are done and none is pending). */
    Polling pollUntilDone(List<Thread> submitters, long startNanos) throws IOException, InterruptedException {
        long lastCompletion = startNanos;
        int polls = 0;
        long runningSum = 0;
        long missingReads = 0;
        long firstWindowEnd = 0;
        long lastWindowStart = 0;
        while (!deadline.passed()) {
            boolean submittersDone = submitters.stream().noneMatch(Thread::isAlive);
            if (ledger.allAccountedFor() || (submittersDone && ledger.pending.isEmpty())) {
                break;
            }
            Thread.sleep(pollMs);
            Set<String> unseen = new HashSet<>(ledger.pending.keySet()); // accepted before the history is asked for
            if (unseen.isEmpty()) {
                continue;
            }
            polls++;
            int before = ledger.completed.get();
            int[] running = {0};
            try {
                service.forEachPage("/sessions", page -> {
                    running[0] += takeEnded(page, unseen);
                    return !unseen.isEmpty();
                });
            } catch (IOException e) {
                ledger.pollErrors.incrementAndGet();
                continue;
            }
            runningSum += running[0];
            for (String id : unseen) {
                missingReads++;
                readMissing(id);
            }
            if (ledger.completed.get() > before) {
                lastCompletion = System.nanoTime();
            }
            if (firstWindowEnd == 0 && ledger.completed.get() >= window) {
                firstWindowEnd = System.currentTimeMillis();
            }
            if (lastWindowStart == 0 && ledger.completed.get() >= ledger.n - window) {
                lastWindowStart = System.currentTimeMillis();
            }
        }
        return new Polling(lastCompletion, polls, runningSum, missingReads, firstWindowEnd, lastWindowStart);
    }

    /** Takes the ended sessions of {@code unseen} from the history (removing every one found); returns how many ran. */
    private int takeEnded(JsonNode history, Set<String> unseen) {
        int running = 0;
        for (JsonNode body : history) {
            String id = Service.text(body, "id");
            boolean isRunning = "RUNNING".equals(Service.text(body, "status"));
            if (isRunning) {
                running++;
            }
            if (unseen.remove(id) && !isRunning) {
                ledger.ended(id, body);
            }
        }
        return running;
    }

    private void readMissing(String id) throws IOException, InterruptedException {
        Service.Response r = service.get("/sessions/" + id);
        Ledger.Tracked t = ledger.pending.get(id);
        if (r.statusCode() == 200) {
            ledger.errors.add(
                    t.studentId() + ": session " + id + " is not in GET /sessions but GET /sessions/{id} has it");
            JsonNode body = Service.json(r.body());
            if (!"RUNNING".equals(Service.text(body, "status"))) {
                ledger.ended(id, body);
            }
        } else {
            ledger.errors.add(t.studentId() + ": GET /sessions/" + id + " answered " + r.statusCode()
                    + " (left the history before it was read)");
            ledger.ended(id, null);
        }
    }
}
