package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's JVM seen from outside: jcmd (the driver's own JDK) and /proc. */
final class ServiceProcess {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern NMT_THREADS =
            Pattern.compile("-\\s+Thread \\(reserved=\\d+KB, committed=(\\d+)KB\\)\\s+\\(thread #(\\d+)\\)\\s+"
                    + "\\(stack: reserved=\\d+KB, committed=(\\d+)KB\\)");

    private final String pid;

    ServiceProcess(String pid) {
        if (!pid.matches("\\d+")) {
            throw new Options.UsageException("--pid must be a process id: " + pid);
        }
        this.pid = pid;
    }

    /** Heap used right after a full GC, in bytes: the minimum over three {@code GC.run; GC.heap_info} rounds. */
    long heapAfterFullGc() throws IOException, InterruptedException {
        Path script = Files.createTempFile("concbench-jcmd", ".txt");
        try {
            Files.writeString(script, "GC.run\nGC.heap_info\n");
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                String text = jcmd("-f", script.toString());
                if (text == null) {
                    throw new IOException("jcmd did not finish in 30 s");
                }
                Matcher m = HEAP_USED.matcher(text);
                if (!m.find()) {
                    throw new IOException("jcmd " + pid + " GC.run/GC.heap_info failed: " + Units.abbreviate(text));
                }
                best = Math.min(best, Long.parseLong(m.group(1)) * 1024);
                Thread.sleep(200);
            }
            return best;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * From {@code jcmd PID VM.native_memory summary}: {threads, stack committed KiB, thread committed KiB};
     * null when the service runs without -XX:NativeMemoryTracking.
     */
    long[] nativeThreadMemory() throws IOException, InterruptedException {
        String text = jcmd("VM.native_memory", "summary");
        Matcher m = text == null ? null : NMT_THREADS.matcher(text);
        if (m == null || !m.find()) {
            return null;
        }
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(1))};
    }

    /** User + system CPU time of the service, from /proc/PID/stat (Linux; -1 elsewhere). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based in proc(5))
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The driver's own CPU time. */
    static double driverCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /** jcmd's output (its error, when it failed), or null when it took more than 30 s. */
    private String jcmd(String... command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String[] line = new String[command.length + 2];
        line[0] = jcmd;
        line[1] = pid;
        System.arraycopy(command, 0, line, 2, command.length);
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return text;
    }
}
