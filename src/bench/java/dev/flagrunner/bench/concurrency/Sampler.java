package dev.flagrunner.bench.concurrency;

import dev.flagrunner.support.Scrape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A thread that scrapes {@code /actuator/prometheus} every {@code everyMs} until stopped: heap used (summed
 * over the heap pools) and live threads, each sample with the count of sessions seen ended by then.
 */
final class Sampler {

    record Sample(long nanos, double heapUsed, double liveThreads, int completed) {}

    private final List<Sample> samples = new ArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    Sampler(Service service, int everyMs, IntSupplier completed, Deadline deadline) {
        this.thread = new Thread(
                () -> {
                    while (!stopped && !deadline.passed()) {
                        long t = System.nanoTime();
                        try {
                            Scrape p = service.scrape();
                            Sample sample = new Sample(t, heapUsed(p), liveThreads(p), completed.getAsInt());
                            synchronized (samples) {
                                samples.add(sample);
                            }
                        } catch (IOException
                                | RuntimeException e) { // a failed request, or a scrape Scrape cannot parse
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long sleep = everyMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
                        if (sleep > 0) {
                            try {
                                Thread.sleep(sleep);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                },
                "sampler");
        thread.setDaemon(true);
    }

    static double heapUsed(Scrape scrape) {
        return scrape.sum("jvm_memory_used_bytes", "area", "heap");
    }

    static double liveThreads(Scrape scrape) {
        return scrape.sum("jvm_threads_live_threads");
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(5000);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    int errors() {
        return errors.get();
    }
}
