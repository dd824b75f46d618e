package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * One submitting thread of a load run: takes the next index, waits for an in-flight slot (and for the
 * history window), then POSTs until accepted; a 429 is counted, waited out for its Retry-After (at most
 * 10 s) and retried.
 */
final class Submitter implements Runnable {

    private final Service service;
    private final Ledger ledger;
    private final AtomicInteger next;
    private final String prefix;
    private final int first;
    private final int maxRetries;
    private final Deadline deadline;

    Submitter(
            Service service,
            Ledger ledger,
            AtomicInteger next,
            String prefix,
            int first,
            int maxRetries,
            Deadline deadline) {
        this.service = service;
        this.ledger = ledger;
        this.next = next;
        this.prefix = prefix;
        this.first = first;
        this.maxRetries = maxRetries;
        this.deadline = deadline;
    }

    static String studentId(String prefix, int number) {
        return String.format(Locale.ROOT, "%s%06d", prefix, number);
    }

    @Override
    public void run() {
        while (!deadline.passed()) {
            int i = next.getAndIncrement();
            if (i >= ledger.n) {
                return;
            }
            String sid = studentId(prefix, first + i);
            try {
                if (!ledger.inFlight.tryAcquire(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                    ledger.errors.add(sid + ": no in-flight slot before the deadline");
                    return;
                }
                awaitHistoryWindow(i);
                ledger.unread.add(i);
                if (!submit(i, sid)) {
                    ledger.abandoned(i);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                ledger.errors.add(sid + ": POST failed: " + e);
                ledger.abandoned(i);
            }
        }
    }

    private void awaitHistoryWindow(int i) throws InterruptedException {
        boolean waited = false;
        while (!ledger.unread.isEmpty() && i - ledger.unread.first() >= ledger.historyWindow && !deadline.passed()) {
            waited = true;
            Thread.sleep(5);
        }
        if (waited) {
            ledger.windowWaits.incrementAndGet();
        }
    }

    /** True when the service accepted the session. */
    private boolean submit(int i, String sid) throws IOException, InterruptedException {
        for (int attempt = 0; attempt <= maxRetries && !deadline.passed(); attempt++) {
            long p0 = System.nanoTime();
            Service.Response r = service.postSession(sid);
            ledger.postNanos[i] = System.nanoTime() - p0;
            if (r.statusCode() == 202) {
                accepted(i, sid, r);
                return true;
            } else if (r.statusCode() == 429) {
                ledger.tooMany.incrementAndGet();
                Thread.sleep(Math.min(retryAfterSeconds(r), 10) * 1000L);
            } else {
                ledger.errors.add(sid + ": POST answered " + r.statusCode() + ": " + Units.abbreviate(r.body()));
                return false;
            }
        }
        return false;
    }

    private void accepted(int i, String sid, Service.Response r) {
        JsonNode body = Service.json(r.body());
        String id = Service.text(body, "id");
        String location = r.header("Location").orElse("");
        if (id == null || !location.endsWith("/sessions/" + id)) {
            ledger.errors.add(sid + ": 202 without a matching id/Location: " + Units.abbreviate(r.body()));
        }
        String status = Service.text(body, "status");
        if (!"RUNNING".equals(status) && !"FLAG_CAPTURED".equals(status)) {
            ledger.errors.add(sid + ": 202 with status " + status);
        }
        ledger.accepted(id, new Ledger.Tracked(i, sid));
    }

    private static long retryAfterSeconds(Service.Response r) {
        return r.header("Retry-After")
                .map(v -> {
                    try {
                        return Long.parseLong(v.trim());
                    } catch (NumberFormatException e) {
                        return 1L;
                    }
                })
                .orElse(1L);
    }
}
