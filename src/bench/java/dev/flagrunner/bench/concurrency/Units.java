package dev.flagrunner.bench.concurrency;

import java.util.Locale;

/** How the driver prints its figures. */
final class Units {

    private Units() {}

    /** Nearest-rank percentile of sorted values; -1 when there are none. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
    }

    static String mibNumber(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
    }

    static String decimals(int places, double value) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** A whole number without ".0", else as Java prints it. */
    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Whitespace runs as one space, at most 200 characters: a response body in a message. */
    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
