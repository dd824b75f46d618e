package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * {@code ConcurrencyBench memory}: the heap a running session costs. Heap after a forced full GC with n
 * sessions running (slow ones: start the service with the {@code delay} fault) minus the heap after the
 * same sessions ended, divided by n; and, when the service runs with {@code
 * -XX:NativeMemoryTracking=summary}, the native memory of its threads per running session.
 */
final class MemoryRun {

    /** Every running session, walked page by page: more run at once (200) than one default page (100) holds. */
    private static final String RUNNING = "/sessions?status=RUNNING&limit=" + Service.LARGEST_PAGE;

    /** Heap after a full GC, live threads and the smallest sampled heap at one step of the measurement. */
    private record Step(long heapAfterGc, int threads, double sampledMinHeap) {}

    private final Service service;
    private final ServiceProcess process;
    private final Deadline deadline;
    private final Report report;
    private final PrintStream out;
    private final int n;
    private final String prefix;
    private final int questions;
    private final String outFile;

    MemoryRun(Service service, Options opts, ServiceProcess process, Deadline deadline, Report report) {
        if (process == null) {
            throw new Options.UsageException("--pid PID of the service is required");
        }
        this.service = service;
        this.process = process;
        this.deadline = deadline;
        this.report = report;
        this.out = report.out();
        this.n = opts.number("n", 200);
        this.prefix = opts.text("prefix", "m");
        this.questions = opts.number("questions", -1);
        this.outFile = opts.text("out", null);
    }

    /** Warm up, measure with n sessions running, measure with them ended; returns the exit status. */
    int run() throws IOException, InterruptedException {
        // 1. Warm-up: n sessions to their end, so first-use allocations (pools, meters, caches) are not counted.
        out.printf(Locale.ROOT, "memory: warm-up, %d sessions to their end%n", n);
        int threadsIdle = liveThreads();
        long[] nmtIdle = process.nativeThreadMemory();
        awaitEnded(submitAll(1));
        Step warm = measure();
        out.printf(
                Locale.ROOT,
                "after warm-up (%d sessions ended, in history and flag store): heap after full GC %s,"
                        + " threads %d%n",
                n,
                Units.mib(warm.heapAfterGc()),
                warm.threads());

        // 2. n sessions running (slow: the service runs with the delay fault); wait until all answer questions.
        List<String> running = submitAll(n + 1);
        awaitAllAnswering();
        long heapRunning = process.heapAfterFullGc();
        int threadsRunning = liveThreads();
        long[] nmtRunning = process.nativeThreadMemory();
        double sampledRunning = sampledMinHeap();
        int stillRunning = service.getEvery(RUNNING).size();
        report.check(
                stillRunning >= n,
                "the sessions were still running after the measurement",
                "only " + stillRunning + " still running: make them slower (delay fault, questions)");
        out.printf(
                Locale.ROOT,
                "%d sessions running: heap after full GC %s, threads %d%n",
                n,
                Units.mib(heapRunning),
                threadsRunning);
        Step busy = new Step(heapRunning, threadsRunning, sampledRunning);

        // 3. The same sessions ended (they stay in the history and the flag store).
        awaitEnded(running);
        Step ended = measureEnded();
        out.printf(
                Locale.ROOT,
                "the same %d sessions ended: heap after full GC %s, threads %d%n",
                n,
                Units.mib(ended.heapAfterGc()),
                ended.threads());

        reportFigures(threadsIdle, nmtIdle, nmtRunning, warm, busy, ended);
        return report.finish(outFile);
    }

    private Step measure() throws IOException, InterruptedException {
        long heap = process.heapAfterFullGc();
        int threads = liveThreads();
        return new Step(heap, threads, sampledMinHeap());
    }

    /** As {@link #measure()}, but sampling before counting threads, in the order the figures were first taken. */
    private Step measureEnded() throws IOException, InterruptedException {
        long heap = process.heapAfterFullGc();
        double sampled = sampledMinHeap();
        return new Step(heap, liveThreads(), sampled);
    }

    private void awaitAllAnswering() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int runningNow = 0;
        int answering = 0;
        while (System.nanoTime() - until < 0 && !deadline.passed()) {
            List<JsonNode> list = service.getEvery(RUNNING);
            runningNow = list.size();
            answering = 0;
            for (JsonNode session : list) {
                if (session.path("questionsAnswered").asInt(0) > 0) {
                    answering++;
                }
            }
            if (answering >= n) {
                break;
            }
            Thread.sleep(200);
        }
        report.check(
                answering >= n,
                n + " sessions running and answering at the measurement",
                "only " + answering + " of " + runningNow + " running sessions answered a question");
    }

    private void reportFigures(int threadsIdle, long[] nmtIdle, long[] nmtRunning, Step warm, Step busy, Step ended) {
        double perRunning = (busy.heapAfterGc() - ended.heapAfterGc()) / (double) n;
        double perEnded = (ended.heapAfterGc() - warm.heapAfterGc()) / (double) n;
        double threadsPerSession = (busy.threads() - threadsIdle) / (double) n;
        double sampledPerRunning = (busy.sampledMinHeap() - ended.sampledMinHeap()) / n / 1024;
        report.put("mem_sessions", n);
        report.put("mem_questions", questions);
        report.put("heap_gc_warm_kib", warm.heapAfterGc() / 1024);
        report.put("heap_gc_running_kib", busy.heapAfterGc() / 1024);
        report.put("heap_gc_ended_kib", ended.heapAfterGc() / 1024);
        report.put("per_running_session_kib", Units.decimals(1, perRunning / 1024));
        report.put("per_ended_session_kib", Units.decimals(2, perEnded / 1024));
        report.put("threads_idle", threadsIdle);
        report.put("threads_warm", warm.threads());
        report.put("threads_running", busy.threads());
        report.put("threads_ended", ended.threads());
        report.put("threads_per_running_session", Units.decimals(2, threadsPerSession));
        if (nmtIdle != null && nmtRunning != null) {
            // Native memory of threads (stacks, mostly) with n sessions running vs the fresh service.
            double perThreadStack = nmtRunning[1] / (double) nmtRunning[0];
            double perSession = (nmtRunning[2] - nmtIdle[2]) / (double) n;
            report.put("nmt_threads_idle", nmtIdle[0]);
            report.put("nmt_threads_running", nmtRunning[0]);
            report.put("nmt_stack_committed_per_thread_kib", Units.decimals(0, perThreadStack));
            report.put("nmt_thread_committed_per_running_session_kib", Units.decimals(0, perSession));
            out.printf(
                    Locale.ROOT,
                    "native (NMT): %d threads idle, %d with %d sessions running; thread stacks committed"
                            + " %.0f KiB per thread; thread memory per running session %.0f KiB%n",
                    nmtIdle[0],
                    nmtRunning[0],
                    n,
                    perThreadStack,
                    perSession);
        } else {
            out.println("native (NMT): not measured (start the service with -XX:NativeMemoryTracking=summary)");
        }
        report.put("sampled_min_heap_warm_mib", Units.mibNumber(warm.sampledMinHeap()));
        report.put("sampled_min_heap_running_mib", Units.mibNumber(busy.sampledMinHeap()));
        report.put("sampled_min_heap_ended_mib", Units.mibNumber(ended.sampledMinHeap()));
        report.put("sampled_per_running_session_kib", Units.decimals(1, sampledPerRunning));
        report.put("checks_failed", report.failures());
        out.printf(
                Locale.ROOT,
                "heap per running session: %.1f KiB (full-GC method) | sampled-min method (no forced GC):"
                        + " %.1f KiB%n",
                perRunning / 1024,
                sampledPerRunning);
        out.printf(
                Locale.ROOT,
                "heap kept per ended session (history entry + stored flag): %.2f KiB | threads per"
                        + " running session: %.2f%n",
                perEnded / 1024,
                threadsPerSession);
    }

    /** Submits n sessions with ids prefix + first.., retrying 429s; returns their ids. */
    private List<String> submitAll(int first) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n && !deadline.passed(); i++) {
            String sid = Submitter.studentId(prefix, first + i);
            for (int attempt = 0; attempt < 120; attempt++) {
                Service.Response r = service.postSession(sid);
                if (r.statusCode() == 202) {
                    ids.add(Service.text(Service.json(r.body()), "id"));
                    break;
                } else if (r.statusCode() == 429) {
                    Thread.sleep(1000);
                } else {
                    throw new IOException("POST /sessions for " + sid + " answered " + r.statusCode() + ": "
                            + Units.abbreviate(r.body()));
                }
            }
        }
        if (ids.size() != n) {
            throw new IOException("only " + ids.size() + " of " + n + " sessions accepted");
        }
        return ids;
    }

    private void awaitEnded(List<String> ids) throws IOException, InterruptedException {
        Set<String> left = new HashSet<>(ids);
        while (!left.isEmpty() && !deadline.passed()) {
            Thread.sleep(500);
            Set<String> running = new HashSet<>();
            for (JsonNode session : service.getEvery(RUNNING)) {
                running.add(Service.text(session, "id"));
            }
            for (String id : new ArrayList<>(left)) {
                if (!running.contains(id)) {
                    String status = Service.text(service.getJson("/sessions/" + id), "status");
                    if (!"RUNNING".equals(status)) {
                        report.check("FLAG_CAPTURED".equals(status), null, "session " + id + " ended " + status);
                        left.remove(id);
                    }
                }
            }
        }
        if (!left.isEmpty()) {
            report.fail(left.size() + " sessions did not end before the deadline");
        }
        Thread.sleep(300); // let the ends' bookkeeping (metrics, permits) finish
    }

    private int liveThreads() throws IOException, InterruptedException {
        return (int) Sampler.liveThreads(service.scrape());
    }

    /** The smallest heap used over 16 scrapes 250 ms apart (no forced GC). */
    private double sampledMinHeap() throws IOException, InterruptedException {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < 16; i++) {
            min = Math.min(min, Sampler.heapUsed(service.scrape()));
            Thread.sleep(250);
        }
        return min;
    }
}
