package dev.flagrunner.bench.concurrency;

import java.util.List;

/**
 * The heap samples of a load run: the peaks of the whole run, and the peak and minimum while the first
 * {@code window} sessions ran and while the last {@code window} ran (by sessions seen ended when sampled).
 */
record HeapWindows(
        double peakHeap,
        double peakThreads,
        double firstPeak,
        double firstMin,
        int firstCount,
        double lastPeak,
        double lastMin,
        int lastCount) {

    static HeapWindows of(List<Sampler.Sample> samples, int n, int window) {
        double peakHeap = 0;
        double peakThreads = 0;
        double firstPeak = 0;
        double lastPeak = 0;
        double firstMin = Double.MAX_VALUE;
        double lastMin = Double.MAX_VALUE;
        int firstCount = 0;
        int lastCount = 0;
        for (Sampler.Sample s : samples) {
            peakHeap = Math.max(peakHeap, s.heapUsed());
            peakThreads = Math.max(peakThreads, s.liveThreads());
            if (s.completed() < window) {
                firstPeak = Math.max(firstPeak, s.heapUsed());
                firstMin = Math.min(firstMin, s.heapUsed());
                firstCount++;
            }
            if (s.completed() >= n - window) {
                lastPeak = Math.max(lastPeak, s.heapUsed());
                lastMin = Math.min(lastMin, s.heapUsed());
                lastCount++;
            }
        }
        return new HeapWindows(peakHeap, peakThreads, firstPeak, firstMin, firstCount, lastPeak, lastMin, lastCount);
    }

    String firstPeakMib() {
        return firstCount == 0 ? "-" : Units.mibNumber(firstPeak);
    }

    String firstMinMib() {
        return firstCount == 0 ? "-" : Units.mibNumber(firstMin);
    }

    String lastPeakMib() {
        return lastCount == 0 ? "-" : Units.mibNumber(lastPeak);
    }

    String lastMinMib() {
        return lastCount == 0 ? "-" : Units.mibNumber(lastMin);
    }
}
