package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses of the service's {@code -Xlog:gc:file=F:time}: {@code [time] GC(n) Pause Young ... 150M->25M(512M)
 * 3.4ms}. The heap when each pause began is the real peak, which samples can miss.
 */
final class GcLog {

    private static final Pattern LINE =
            Pattern.compile("^\\[([0-9T:.+-]+)\\].*GC\\(\\d+\\) (Pause.*?) (\\d+)M->(\\d+)M\\(\\d+M\\) ([0-9.]+)ms");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** One pause; {@code forced} when jcmd GC.run (System.gc() or a diagnostic command) caused it. */
    record Pause(long epochMillis, boolean forced, int beforeMib, int afterMib, double pauseMs) {}

    /** The pauses in a span of time. */
    record Summary(int count, int maxBefore, int maxAfter, double pauseMs, double maxPauseMs) {

        /** A heap figure of the summary, or "-" when there was no pause. */
        String ifAny(int mib) {
            return count == 0 ? "-" : String.valueOf(mib);
        }
    }

    private final List<Pause> pauses;

    private GcLog(List<Pause> pauses) {
        this.pauses = pauses;
    }

    static GcLog read(Path file) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    long t = OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
                    pauses.add(new Pause(
                            t,
                            m.group(2).contains("System.gc()") || m.group(2).contains("Diagnostic"),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Double.parseDouble(m.group(5))));
                }
            }
        }
        return new GcLog(pauses);
    }

    /** The pauses (not forced by jcmd GC.run) that began in [from, to]. */
    Summary summarize(long from, long to) {
        int count = 0;
        int maxBefore = 0;
        int maxAfter = 0;
        double total = 0;
        double max = 0;
        for (Pause p : pauses) {
            if (!p.forced() && p.epochMillis() >= from && p.epochMillis() <= to) {
                count++;
                maxBefore = Math.max(maxBefore, p.beforeMib());
                maxAfter = Math.max(maxAfter, p.afterMib());
                total += p.pauseMs();
                max = Math.max(max, p.pauseMs());
            }
        }
        return new Summary(count, maxBefore, maxAfter, total, max);
    }
}
