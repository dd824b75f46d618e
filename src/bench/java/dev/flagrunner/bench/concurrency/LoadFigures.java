package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The figures of a load run: {@code key=value} results for bench/concurrency.sh and a summary on stdout. */
final class LoadFigures {

    private final Report report;
    private final PrintStream out;
    private final int n;
    private final int questions;
    private final int window;
    private final int sampleMs;
    /** Whether the heap after a full GC was measured (the service's pid was given). */
    private final boolean measuredGc;

    LoadFigures(Report report, int n, int questions, int window, int sampleMs, boolean measuredGc) {
        this.report = report;
        this.out = report.out();
        this.n = n;
        this.questions = questions;
        this.window = window;
        this.sampleMs = sampleMs;
        this.measuredGc = measuredGc;
    }

    void report(
            Ledger ledger,
            Sampler sampler,
            LoadRun.Baseline before,
            LoadRun.Timeline timeline,
            LoadRun.Outcome outcome,
            String gcLog)
            throws IOException {
        List<Sampler.Sample> samples = sampler.samples();
        double wall = timeline.wallSeconds();
        long[] sorted = Arrays.stream(outcome.tally().durations())
                .filter(x -> x >= 0)
                .sorted()
                .toArray();
        long[] posts = Arrays.stream(ledger.postNanos)
                .filter(x -> x > 0)
                .map(x -> x / 1000)
                .sorted()
                .toArray();
        HeapWindows heap = HeapWindows.of(samples, n, window);
        HistoryPoller.Polling polling = timeline.polling();
        double jvmPeakThreads = outcome.after().sum("jvm_threads_peak_threads");
        double meanRunning = polling.polls() == 0 ? 0.0 : polling.runningSum() / (double) polling.polls();
        long questionsTotal = outcome.tally().questionsTotal();
        int cpus = Runtime.getRuntime().availableProcessors();
        report.put("n", n);
        report.put("questions_per_session", questions);
        report.put("wall_s", Units.decimals(2, wall));
        report.put("sessions_per_s", Units.decimals(1, n / wall));
        report.put("questions_total", questionsTotal);
        report.put("questions_per_s", Units.decimals(0, questionsTotal / wall));
        report.put("p50_ms", Units.percentile(sorted, 50));
        report.put("p99_ms", Units.percentile(sorted, 99));
        report.put("max_ms", sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        report.put("mean_ms", Units.decimals(0, Arrays.stream(sorted).average().orElse(-1)));
        report.put("peak_heap_mib", Units.mibNumber(heap.peakHeap()));
        report.put("idle_heap_mib", Units.mibNumber(before.idleHeap()));
        report.put("idle_heap_gc_mib", !measuredGc ? "-" : Units.mibNumber(before.idleHeapGc()));
        report.put("heap_after_gc_mib", !measuredGc ? "-" : Units.mibNumber(outcome.heapAfterGc()));
        report.put("peak_live_threads", (long) heap.peakThreads());
        report.put("jvm_peak_threads", (long) jvmPeakThreads);
        report.put("idle_threads", (long) before.idleThreads());
        report.put("http_429", ledger.tooMany.get());
        report.put("post_p50_us", Units.percentile(posts, 50));
        report.put("post_p99_us", Units.percentile(posts, 99));
        report.put("samples", samples.size());
        report.put("sample_errors", sampler.errors());
        report.put("service_cpu_s", Units.decimals(1, timeline.serviceCpu()));
        report.put("driver_cpu_s", Units.decimals(1, timeline.driverCpu()));
        report.put("cpus", cpus);
        report.put("polls", polling.polls());
        report.put("history_window_waits", ledger.windowWaits.get());
        report.put("missing_reads", polling.missingReads());
        report.put("mean_running_at_polls", Units.decimals(0, meanRunning));
        report.put("poll_errors", ledger.pollErrors.get());
        report.put("window", window);
        if (gcLog != null) {
            reportGcLog(GcLog.read(Path.of(gcLog)), timeline);
        }
        report.put("first_window_peak_heap_mib", heap.firstPeakMib());
        report.put("first_window_min_heap_mib", heap.firstMinMib());
        report.put("first_window_samples", heap.firstCount());
        report.put("last_window_peak_heap_mib", heap.lastPeakMib());
        report.put("last_window_min_heap_mib", heap.lastMinMib());
        report.put("last_window_samples", heap.lastCount());
        report.put("history_listed", outcome.historyListed());
        report.put("flags_listed", outcome.flagsListed());
        report.put("flags_stored", (long) outcome.stored());
        report.put("sessions_total_captured", (long) outcome.capturedCounter());
        report.put("checks_failed", report.failures());

        out.println();
        out.printf(
                Locale.ROOT,
                "wall %.2f s | %.1f sessions/s | %.0f questions/s | duration p50 %d ms p99 %d ms max %d ms%n",
                wall,
                n / wall,
                questionsTotal / wall,
                Units.percentile(sorted, 50),
                Units.percentile(sorted, 99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        out.printf(
                Locale.ROOT,
                "heap: idle %s, peak %s (%d samples every %d ms) | live threads: idle %.0f, peak %.0f"
                        + " (JVM peak %.0f) | 429s: %d%n",
                Units.mib(before.idleHeap()),
                Units.mib(heap.peakHeap()),
                samples.size(),
                sampleMs,
                before.idleThreads(),
                heap.peakThreads(),
                jvmPeakThreads,
                ledger.tooMany.get());
        out.printf(
                Locale.ROOT,
                "CPU during the run: service %.1f s, driver %.1f s, of %.1f s available (%d CPUs x wall)%n",
                timeline.serviceCpu(),
                timeline.driverCpu(),
                wall * cpus,
                cpus);
        out.printf(
                Locale.ROOT,
                "POST /sessions (accepted, last attempt): p50 %d us, p99 %d us, max %d us%n",
                Units.percentile(posts, 50),
                Units.percentile(posts, 99),
                posts.length == 0 ? -1 : posts[posts.length - 1]);
        out.printf(
                Locale.ROOT,
                "%d polls of GET /sessions, %.0f sessions running on average when polled, %d in flight at most%n",
                polling.polls(),
                meanRunning,
                ledger.maxPending.get());
        if (ledger.windowWaits.get() > 0) {
            out.printf(
                    Locale.ROOT,
                    "%d submissions waited for a session %d older to be read (history window)%n",
                    ledger.windowWaits.get(),
                    ledger.historyWindow);
        }
        if (measuredGc) {
            out.printf(
                    Locale.ROOT,
                    "heap after a full GC: before the run %s, after it %s%n",
                    Units.mib(before.idleHeapGc()),
                    Units.mib(outcome.heapAfterGc()));
        }
        if (window < n) {
            out.printf(
                    Locale.ROOT,
                    "heap while the first %d sessions ran: peak %s, min %s (%d samples); while the last"
                            + " %d ran: peak %s, min %s (%d samples)%n",
                    window,
                    withUnit(heap.firstPeakMib()),
                    withUnit(heap.firstMinMib()),
                    heap.firstCount(),
                    window,
                    withUnit(heap.lastPeakMib()),
                    withUnit(heap.lastMinMib()),
                    heap.lastCount());
        }
    }

    /** The G1 log has the heap used when each pause began: the real peaks, which samples can miss. */
    private void reportGcLog(GcLog log, LoadRun.Timeline timeline) {
        HistoryPoller.Polling polling = timeline.polling();
        long firstWindowEnd = polling.firstWindowEndEpoch() == 0 ? timeline.endEpoch() : polling.firstWindowEndEpoch();
        long lastWindowStart =
                polling.lastWindowStartEpoch() == 0 ? timeline.startEpoch() : polling.lastWindowStartEpoch();
        GcLog.Summary all = log.summarize(timeline.startEpoch(), timeline.endEpoch());
        GcLog.Summary firstW = log.summarize(timeline.startEpoch(), firstWindowEnd);
        GcLog.Summary lastW = log.summarize(lastWindowStart, timeline.endEpoch());
        report.put("gc_pauses", all.count());
        report.put("gc_pause_total_ms", Units.decimals(0, all.pauseMs()));
        report.put("gc_pause_max_ms", Units.decimals(1, all.maxPauseMs()));
        report.put("gc_peak_heap_mib", all.ifAny(all.maxBefore()));
        report.put("gc_max_after_mib", all.ifAny(all.maxAfter()));
        report.put("gc_first_window_peak_mib", firstW.ifAny(firstW.maxBefore()));
        report.put("gc_first_window_max_after_mib", firstW.ifAny(firstW.maxAfter()));
        report.put("gc_first_window_pauses", firstW.count());
        report.put("gc_last_window_peak_mib", lastW.ifAny(lastW.maxBefore()));
        report.put("gc_last_window_max_after_mib", lastW.ifAny(lastW.maxAfter()));
        report.put("gc_last_window_pauses", lastW.count());
        out.printf(
                Locale.ROOT,
                "GC log: %d pauses in the run (%.0f ms in all, longest %.1f ms); heap when a pause began:"
                        + " at most %s MiB, after it at most %s MiB%n",
                all.count(),
                all.pauseMs(),
                all.maxPauseMs(),
                all.ifAny(all.maxBefore()),
                all.ifAny(all.maxAfter()));
        if (window < n) {
            out.printf(
                    Locale.ROOT,
                    "GC log, first %d sessions: %d pauses, peak %s MiB, after-GC at most %s MiB;"
                            + " last %d: %d pauses, peak %s MiB, after-GC at most %s MiB%n",
                    window,
                    firstW.count(),
                    firstW.ifAny(firstW.maxBefore()),
                    firstW.ifAny(firstW.maxAfter()),
                    window,
                    lastW.count(),
                    lastW.ifAny(lastW.maxBefore()),
                    lastW.ifAny(lastW.maxAfter()));
        }
    }

    private static String withUnit(String mib) {
        return mib.equals("-") ? mib : mib + " MiB";
    }
}
