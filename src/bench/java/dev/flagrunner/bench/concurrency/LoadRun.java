package dev.flagrunner.bench.concurrency;

import dev.flagrunner.support.Scrape;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * {@code ConcurrencyBench run}: submits n sessions (student ids {@code <prefix><6 digits>}) with {@code
 * Prefer: respond-async}, never more than {@code --max-in-flight} of them not yet seen ended; polls the
 * history for the ended ones; samples the heap meanwhile; then checks the outcome against the service's
 * own accounts (session bodies, flag store, metrics) and reports the figures (bench/CONCURRENCY.md).
 */
final class LoadRun {

    /** The service before the run: a fresh one has zero of everything, otherwise the checks are relative to it. */
    record Baseline(
            double captured,
            double ended,
            double stored,
            double flagsCaptured,
            double idleHeap,
            double idleThreads,
            double idleHeapGc) {}

    /** When the run went from its first POST to the poll that saw the last session ended, and the CPU it took. */
    record Timeline(
            long startNanos,
            long startEpoch,
            long endEpoch,
            HistoryPoller.Polling polling,
            double serviceCpu,
            double driverCpu) {

        double wallSeconds() {
            return (polling.lastCompletionNanos() - startNanos) / 1e9;
        }
    }

    /** What the checks read from the service after the run, for the figures. */
    record Outcome(
            SessionTally tally,
            int flagsListed,
            int historyListed,
            Scrape after,
            double capturedCounter,
            double stored,
            double heapAfterGc) {}

    private final Service service;
    private final Options opts;
    private final ServiceProcess process;
    private final Deadline deadline;
    private final Report report;
    private final PrintStream out;
    private final int n;
    private final int questions;
    private final int maxInFlight;
    private final String prefix;
    private final int first;
    private final int submitters;
    private final int pollMs;
    private final int sampleMs;
    private final int window;
    private final int capacity;
    private final int history;

    LoadRun(Service service, Options opts, ServiceProcess process, Deadline deadline, Report report) {
        this.service = service;
        this.opts = opts;
        this.process = process;
        this.deadline = deadline;
        this.report = report;
        this.out = report.out();
        this.n = opts.number("n", -1);
        if (n < 1) {
            throw new Options.UsageException("--n must be at least 1");
        }
        this.questions = opts.number("questions", -1);
        this.maxInFlight = opts.number("max-in-flight", 200);
        this.prefix = opts.text("prefix", "c");
        this.first = Integer.parseInt(opts.text("first", "1"));
        this.submitters = opts.number("submitters", 16);
        this.pollMs = opts.number("poll-ms", 100);
        this.sampleMs = opts.number("sample-ms", 200);
        this.window = Math.min(opts.number("window", 1000), n);
        this.capacity = opts.number("flags-capacity", 10000);
        this.history = opts.number("history", 1000);
        if (maxInFlight > history) {
            throw new Options.UsageException(
                    "--max-in-flight must not exceed --history: ended sessions are read from GET /sessions");
        }
    }

    /** Submit, poll, check, report; returns the exit status. */
    int run() throws IOException, InterruptedException {
        Baseline before = baseline();
        Ledger ledger = new Ledger(n, maxInFlight, Math.max(maxInFlight, history - 2 * submitters));
        Sampler sampler = new Sampler(service, sampleMs, ledger.completed::get, deadline);
        Timeline timeline = submitAndPoll(ledger, sampler);
        Outcome outcome = check(ledger, sampler, before);
        new LoadFigures(report, n, questions, window, sampleMs, process != null)
                .report(ledger, sampler, before, timeline, outcome, opts.text("gc-log", null));
        return report.finish(opts.text("out", null));
    }

    private Baseline baseline() throws IOException, InterruptedException {
        Scrape before = service.scrape();
        Baseline baseline = new Baseline(
                before.sum("flagrunner_sessions_total", "status", "FLAG_CAPTURED"),
                before.sum("flagrunner_sessions_total"),
                before.sum("flagrunner_flags_stored"),
                before.sum("flagrunner_flags_captured_total"),
                Sampler.heapUsed(before),
                Sampler.liveThreads(before),
                process == null ? -1 : process.heapAfterFullGc());
        out.printf(
                Locale.ROOT,
                "run: n=%d questions=%s max-in-flight=%d ids=%s..%s poll=%dms sample=%dms%n",
                n,
                questions < 0 ? "?" : questions,
                maxInFlight,
                Submitter.studentId(prefix, first),
                Submitter.studentId(prefix, first + n - 1),
                pollMs,
                sampleMs);
        out.printf(
                Locale.ROOT,
                "baseline: sessions_total=%.0f flags_stored=%.0f heap=%s threads=%.0f%n",
                baseline.ended(),
                baseline.stored(),
                Units.mib(baseline.idleHeap()),
                baseline.idleThreads());
        return baseline;
    }

    /** The submitters and the sampler run on their own threads, the poller on this one, until all sessions ended. */
    private Timeline submitAndPoll(Ledger ledger, Sampler sampler) throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        int maxRetries = opts.number("max-429-retries", 600);
        List<Thread> threads = new ArrayList<>();
        sampler.start();
        double serviceCpu0 = process == null ? -1 : process.cpuSeconds();
        double driverCpu0 = ServiceProcess.driverCpuSeconds();
        long t0 = System.nanoTime();
        long t0Epoch = System.currentTimeMillis();
        for (int s = 0; s < submitters; s++) {
            Thread t = new Thread(
                    new Submitter(service, ledger, next, prefix, first, maxRetries, deadline), "submitter-" + s);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        HistoryPoller.Polling polling =
                new HistoryPoller(service, ledger, pollMs, window, deadline).pollUntilDone(threads, t0);
        long t1Epoch = System.currentTimeMillis();
        double serviceCpu = process == null ? -1 : process.cpuSeconds() - serviceCpu0;
        double driverCpu = ServiceProcess.driverCpuSeconds() - driverCpu0;
        for (Thread t : threads) {
            t.interrupt();
        }
        sampler.stop();
        return new Timeline(t0, t0Epoch, t1Epoch, polling, serviceCpu, driverCpu);
    }

    private Outcome check(Ledger ledger, Sampler sampler, Baseline before) throws IOException, InterruptedException {
        if (deadline.passed()) {
            report.fail("the run passed its deadline (--deadline-s) with " + ledger.completed.get() + " of " + n
                    + " sessions seen ended");
        }
        synchronized (ledger.errors) {
            for (int e = 0; e < Math.min(ledger.errors.size(), 20); e++) {
                out.println("error: " + ledger.errors.get(e));
            }
            if (!ledger.errors.isEmpty()) {
                report.fail(ledger.errors.size() + " request errors (first ones above)");
            }
        }
        SessionTally tally = checkSessions(ledger);
        int expectedStored = (int) Math.min(before.stored() + n, capacity);
        int flagsListed = checkFlagStore(tally, before, expectedStored);
        int historyListed =
                service.getEvery("/sessions?limit=" + Service.LARGEST_PAGE).size();
        report.check(
                historyListed <= history,
                "GET /sessions bounded by the history (" + history + ")",
                "it lists " + historyListed);
        Outcome outcome = checkMetrics(tally, before, expectedStored, flagsListed, historyListed, sampler);
        return outcome;
    }

    private SessionTally checkSessions(Ledger ledger) {
        SessionTally tally = SessionTally.of(ledger.ended, prefix, first, questions);
        report.check(
                ledger.completed.get() == n && ledger.ended.size() == n,
                "every session seen ended",
                ledger.ended.size() + " of " + n + " sessions read back ended");
        report.check(
                tally.captured() == n,
                "every session FLAG_CAPTURED",
                "statuses " + tally.byStatus() + (tally.byReason().isEmpty() ? "" : " reasons " + tally.byReason()));
        report.check(
                tally.wrongStudent() == 0,
                "each session body has its student id",
                tally.wrongStudent() + " bodies with another student id");
        report.check(tally.badFlags() == 0, "every flag is 64 lower-case hex", tally.badFlags() + " malformed flags");
        report.check(
                tally.duplicates() == 0 && tally.flagOf().size() == tally.captured(),
                "all flags distinct",
                tally.duplicates() + " duplicate flags");
        if (questions > 0) {
            report.check(
                    tally.wrongCount() == 0,
                    "every session answered " + questions + " questions",
                    tally.wrongCount() + " captured sessions with another question count");
        }
        return tally;
    }

    /** GET /flags: every flag there when n fits in the store; otherwise the store is full and holds only ours. */
    private int checkFlagStore(SessionTally tally, Baseline before, int expectedStored)
            throws IOException, InterruptedException {
        List<JsonNode> flagList = service.getEvery("/flags?limit=" + Service.LARGEST_PAGE);
        Set<String> listed = new HashSet<>();
        int listedMismatch = 0;
        for (JsonNode f : flagList) {
            String flag = String.valueOf(Service.text(f, "flag"));
            listed.add(flag);
            String owner = tally.flagOf().get(flag);
            if (owner != null && !owner.equals(Service.text(f, "studentId"))) {
                listedMismatch++;
            }
        }
        if (before.stored() + n <= capacity) {
            long missing = tally.flagOf().keySet().stream()
                    .filter(f -> !listed.contains(f))
                    .count();
            report.check(
                    missing == 0,
                    "every flag in GET /flags",
                    missing + " of " + tally.flagOf().size() + " flags missing from GET /flags");
        } else {
            long ours = listed.stream().filter(tally.flagOf()::containsKey).count();
            out.printf(
                    Locale.ROOT,
                    "note: n + flags stored before (%.0f) > capacity %d: GET /flags holds %d of this"
                            + " run's flags%n",
                    before.stored() + n,
                    capacity,
                    ours);
        }
        report.check(
                listedMismatch == 0, "GET /flags pairs each flag with its student", listedMismatch + " mismatches");
        report.check(
                flagList.size() == expectedStored,
                "GET /flags lists min(stored+n, capacity) = " + expectedStored,
                "it lists " + flagList.size());
        return flagList.size();
    }

    /** Prometheus: the session counter is incremented just after the session is seen ended, so let it settle. */
    private Outcome checkMetrics(
            SessionTally tally,
            Baseline before,
            int expectedStored,
            int flagsListed,
            int historyListed,
            Sampler sampler)
            throws IOException, InterruptedException {
        Scrape after = null;
        double capturedCounter = -1;
        for (int i = 0; i < 50; i++) {
            after = service.scrape();
            capturedCounter = after.sum("flagrunner_sessions_total", "status", "FLAG_CAPTURED") - before.captured();
            if (capturedCounter >= n) {
                break;
            }
            Thread.sleep(100);
        }
        double endedCounter = after.sum("flagrunner_sessions_total") - before.ended();
        double stored = after.sum("flagrunner_flags_stored");
        double flagsCaptured = after.sum("flagrunner_flags_captured_total") - before.flagsCaptured();
        report.check(
                capturedCounter == n,
                "flagrunner_sessions_total{status=\"FLAG_CAPTURED\"} = " + n
                        + (before.captured() > 0 ? " (over its baseline)" : ""),
                "it is " + Units.number(capturedCounter));
        report.check(
                endedCounter == n,
                "flagrunner_sessions_total (all statuses) = " + n,
                "it is " + Units.number(endedCounter));
        report.check(
                flagsCaptured == n, "flagrunner_flags_captured_total = " + n, "it is " + Units.number(flagsCaptured));
        report.check(
                stored == expectedStored,
                "flagrunner_flags_stored = min(n, capacity) = " + expectedStored,
                "it is " + Units.number(stored));
        report.check(!sampler.samples().isEmpty(), "heap sampled", "no /actuator/prometheus sample succeeded");
        double heapAfterGc = -1;
        if (process != null) {
            heapAfterGc = process.heapAfterFullGc();
            int bound = opts.number("max-retained-mib", 64);
            report.check(
                    (heapAfterGc - before.idleHeapGc()) <= bound * 1024.0 * 1024.0,
                    "heap retained after the run (full GC, after minus before) <= " + bound + " MiB",
                    "it is " + Units.mib(heapAfterGc - before.idleHeapGc()));
        }
        return new Outcome(tally, flagsListed, historyListed, after, capturedCounter, stored, heapAfterGc);
    }
}
