import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flagrunner's concurrency load driver (bench/CONCURRENCY.md). JDK only: compile with {@code javac}, run
 * with {@code java}. Talks to one running service on 127.0.0.1 over plain HTTP.
 *
 * <pre>
 *   java ConcurrencyBench freeport
 *   java ConcurrencyBench run    --base http://127.0.0.1:PORT --n 1000 --questions 1000 [options]
 *   java ConcurrencyBench memory --base http://127.0.0.1:PORT --pid PID [--n 200] [options]
 * </pre>
 *
 * {@code run} submits n sessions (student ids {@code <prefix><6 digits>}) with {@code Prefer: respond-async},
 * never more than {@code --max-in-flight} of them not yet seen ended (a 429 is waited out for its
 * Retry-After and retried, and counted), finds the ended ones (with their final bodies) in one
 * {@code GET /sessions} (the bounded history) every {@code --poll-ms}, nothing per session, samples
 * {@code /actuator/prometheus} every {@code --sample-ms} (heap used summed over the heap pools, live
 * threads), then checks the outcome. Exit status 0 when every check passed, 1 when one failed, 2 on a
 * usage error. {@code --out FILE} also writes the figures as {@code key=value} lines.
 *
 * {@code memory} estimates the heap a running session costs: heap after a forced full GC ({@code jcmd PID
 * GC.run}, the driver's own JDK) with n sessions running (slow ones: start the service with the
 * {@code delay} fault) minus the heap after the same sessions ended, divided by n; and, when the service
 * runs with {@code -XX:NativeMemoryTracking=summary}, the native memory of its threads per running session.
 *
 * HTTP goes through HttpURLConnection's keep-alive pool by default ({@code --http url}); {@code --http jdk}
 * uses java.net.http.HttpClient, which measured about twice the driver CPU per request here, CPU the
 * service on the same cores then lacks.
 */
public final class ConcurrencyBench {

    // ------------------------------------------------------------------------------------------ options

    private final Map<String, String> opts;
    private final String base;
    private final HttpClient http;
    private final Duration requestTimeout = Duration.ofSeconds(30);
    private final long deadlineNanos;
    private final List<String> failures = new ArrayList<>();
    private final LinkedHashMap<String, String> results = new LinkedHashMap<>();
    private final PrintStream out = System.out;

    private ConcurrencyBench(Map<String, String> opts) {
        this.opts = opts;
        this.base = opt("base", null);
        if (base == null || !(base.startsWith("http://127.0.0.1:") || base.startsWith("http://localhost:"))) {
            throw new IllegalArgumentException("--base http://127.0.0.1:PORT is required (loopback only)");
        }
        this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOpt("deadline-s", 1800));
        String transport = opt("http", "url");
        if (transport.equals("jdk")) {
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } else if (transport.equals("url")) {
            this.http = null;
            // Keep-alive pool of HttpURLConnection: room for every driver thread (default 5), so no request
            // opens a new connection (and leaves a TIME_WAIT behind).
            System.setProperty("http.maxConnections", "64");
            System.setProperty("http.keepAlive", "true");
            // Never resend a POST by itself on a connection the server closed: that would start a second session.
            System.setProperty("sun.net.http.retryPost", "false");
        } else {
            throw new IllegalArgumentException("--http must be url or jdk: " + transport);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String mode = args[0];
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                usage();
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                usage();
            }
        }
        int rc;
        switch (mode) {
            case "freeport" -> {
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    System.out.println(s.getLocalPort());
                }
                rc = 0;
            }
            case "run" -> rc = new ConcurrencyBench(opts).run();
            case "memory" -> rc = new ConcurrencyBench(opts).memory();
            default -> {
                usage();
                rc = 2;
            }
        }
        System.exit(rc);
    }

    private static void usage() {
        System.err.println("usage: ConcurrencyBench freeport | run --base URL --n N [--questions Q] [--max-in-flight 200]"
                + " [--prefix c] [--first 1] [--submitters 16] [--poll-ms 100] [--sample-ms 200] [--window 1000] [--http url|jdk]"
                + " [--flags-capacity 10000] [--history 1000] [--deadline-s 1800] [--out FILE]"
                + " | memory --base URL --pid PID [--n 200] [--questions Q] [--prefix m] [--out FILE]");
        System.exit(2);
    }

    private String opt(String name, String dflt) {
        return opts.getOrDefault(name, dflt);
    }

    private int intOpt(String name, int dflt) {
        String v = opts.get(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    private long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    // ------------------------------------------------------------------------------------------- HTTP

    /** A response: status, body (also of an error), headers by lower-case name. */
    record Resp(int statusCode, String body, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    private Resp get(String path) throws IOException, InterruptedException {
        return exchange("GET", path, null);
    }

    private Resp postSession(String studentId) throws IOException, InterruptedException {
        return exchange("POST", "/sessions", "{\"studentId\":\"" + studentId + "\"}");
    }

    /**
     * One request. {@code --http url} (the default) uses HttpURLConnection with its keep-alive pool: a
     * blocking exchange on the calling thread. {@code --http jdk} uses java.net.http.HttpClient, which
     * measured here costs about twice the driver CPU per request (its requests hop between threads), CPU
     * that the service on the same 2 cores then does not get.
     */
    private Resp exchange(String method, String path, String json) throws IOException, InterruptedException {
        if (http != null) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout);
            if (json != null) {
                b.header("Content-Type", "application/json").header("Prefer", "respond-async")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
            } else {
                b.GET();
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> h = new HashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
            return new Resp(r.statusCode(), r.body(), h);
        }
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout((int) requestTimeout.toMillis());
        c.setUseCaches(false);
        c.setRequestMethod(method);
        if (json != null) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("Prefer", "respond-async");
            try (OutputStream o = c.getOutputStream()) {
                o.write(bytes);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = "";
        if (in != null) {
            try (in) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8); // read to the end: the connection is reused
            }
        }
        Map<String, List<String>> h = new HashMap<>();
        c.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                h.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        return new Resp(status, body, h);
    }

    /** GET that must answer 200; returns the parsed JSON. */
    private Object getJson(String path) throws IOException, InterruptedException {
        Resp r = get(path);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return Json.parse(r.body());
    }

    private Prom scrape() throws IOException, InterruptedException {
        Resp r = get("/actuator/prometheus");
        if (r.statusCode() != 200) {
            throw new IOException("GET /actuator/prometheus answered " + r.statusCode());
        }
        return new Prom(r.body());
    }

    // ---------------------------------------------------------------------------------------- run mode

    /** A session the driver submitted and has not yet seen ended. */
    private record Tracked(int index, String studentId) {}

    private record Sample(long nanos, double heapUsed, double liveThreads, int completed) {}

    private int run() throws Exception {
        final int n = intOpt("n", -1);
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1");
        }
        final int questions = intOpt("questions", -1);
        final int maxInFlight = intOpt("max-in-flight", 200);
        final String prefix = opt("prefix", "c");
        final int first = Integer.parseInt(opt("first", "1"));
        final int submitters = intOpt("submitters", 16);
        final int pollMs = intOpt("poll-ms", 100);
        final int sampleMs = intOpt("sample-ms", 200);
        final int window = Math.min(intOpt("window", 1000), n);
        final int capacity = intOpt("flags-capacity", 10000);
        final int history = intOpt("history", 1000);
        if (maxInFlight > history) {
            throw new IllegalArgumentException("--max-in-flight must not exceed --history: ended sessions are read from GET /sessions");
        }
        final int maxRetries = intOpt("max-429-retries", 600);
        final String pid = opt("pid", null); // when given: heap after a full GC (jcmd) before and after the run

        // Baseline: a fresh service has zero of everything; otherwise the checks are relative to it.
        Prom before = scrape();
        double capturedBefore = before.sum("flagrunner_sessions_total", "status", "FLAG_CAPTURED");
        double endedBefore = before.sum("flagrunner_sessions_total", null, null);
        double storedBefore = before.sum("flagrunner_flags_stored", null, null);
        double flagsCapturedBefore = before.sum("flagrunner_flags_captured_total", null, null);
        double idleHeap = before.sum("jvm_memory_used_bytes", "area", "heap");
        double idleThreads = before.sum("jvm_threads_live_threads", null, null);
        double idleHeapGc = pid == null ? -1 : gcHeap(pid);
        out.printf(Locale.ROOT, "run: n=%d questions=%s max-in-flight=%d ids=%s%06d..%s%06d poll=%dms sample=%dms%n",
                n, questions < 0 ? "?" : questions, maxInFlight, prefix, first, prefix, first + n - 1, pollMs, sampleMs);
        out.printf(Locale.ROOT, "baseline: sessions_total=%.0f flags_stored=%.0f heap=%s threads=%.0f%n",
                endedBefore, storedBefore, mib(idleHeap), idleThreads);

        Semaphore inFlight = new Semaphore(maxInFlight);
        Map<String, Tracked> pending = new ConcurrentHashMap<>();
        // Indexes submitted and not yet read. The history drops the oldest ended sessions beyond `history`,
        // by start order: a session that ran while `history` newer ones started would be dropped as soon as
        // it ended. So no session is started while one `window` older is still unread.
        java.util.concurrent.ConcurrentSkipListSet<Integer> unread = new java.util.concurrent.ConcurrentSkipListSet<>();
        final int historyWindow = Math.max(maxInFlight, history - 2 * submitters);
        AtomicInteger windowWaits = new AtomicInteger();
        Map<Integer, Map<String, Object>> ended = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger tooMany = new AtomicInteger();
        AtomicInteger submitErrors = new AtomicInteger();
        AtomicInteger pollErrors = new AtomicInteger();
        AtomicLong maxPending = new AtomicLong();
        long[] postNanos = new long[n];
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sampleErrors = new AtomicInteger();
        StopFlag stop = new StopFlag();

        // Sampler: heap and threads every sampleMs until the run ends.
        Thread sampler = new Thread(() -> {
            while (!stop.value && !pastDeadline()) {
                long t = System.nanoTime();
                try {
                    Prom p = scrape();
                    samples.add(new Sample(t, p.sum("jvm_memory_used_bytes", "area", "heap"),
                            p.sum("jvm_threads_live_threads", null, null), completed.get()));
                } catch (IOException e) {
                    sampleErrors.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                long sleep = sampleMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "sampler");
        sampler.setDaemon(true);

        // Submitters: take the next index, wait for an in-flight slot, POST until accepted (429: wait, retry).
        Runnable submitter = () -> {
            while (!pastDeadline()) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                String sid = String.format(Locale.ROOT, "%s%06d", prefix, first + i);
                try {
                    if (!inFlight.tryAcquire(remainingMillis(), TimeUnit.MILLISECONDS)) {
                        errors.add(sid + ": no in-flight slot before the deadline");
                        return;
                    }
                    boolean waited = false;
                    while (!unread.isEmpty() && i - unread.first() >= historyWindow && !pastDeadline()) {
                        waited = true;
                        Thread.sleep(5);
                    }
                    if (waited) {
                        windowWaits.incrementAndGet();
                    }
                    unread.add(i);
                    boolean accepted = false;
                    for (int attempt = 0; attempt <= maxRetries && !pastDeadline(); attempt++) {
                        long p0 = System.nanoTime();
                        Resp r = postSession(sid);
                        postNanos[i] = System.nanoTime() - p0;
                        if (r.statusCode() == 202) {
                            Map<String, Object> body = Json.object(Json.parse(r.body()));
                            String id = (String) body.get("id");
                            String location = r.header("Location").orElse("");
                            if (id == null || !location.endsWith("/sessions/" + id)) {
                                errors.add(sid + ": 202 without a matching id/Location: " + abbreviate(r.body()));
                            }
                            if (!"RUNNING".equals(body.get("status")) && !"FLAG_CAPTURED".equals(body.get("status"))) {
                                errors.add(sid + ": 202 with status " + body.get("status"));
                            }
                            pending.put(id, new Tracked(i, sid));
                            maxPending.accumulateAndGet(pending.size(), Math::max);
                            submitted.incrementAndGet();
                            accepted = true;
                            break;
                        } else if (r.statusCode() == 429) {
                            tooMany.incrementAndGet();
                            long wait = r.header("Retry-After").map(v -> {
                                try {
                                    return Long.parseLong(v.trim());
                                } catch (NumberFormatException e) {
                                    return 1L;
                                }
                            }).orElse(1L);
                            Thread.sleep(Math.min(wait, 10) * 1000L);
                        } else {
                            errors.add(sid + ": POST answered " + r.statusCode() + ": " + abbreviate(r.body()));
                            break;
                        }
                    }
                    if (!accepted) {
                        submitErrors.incrementAndGet();
                        unread.remove(i);
                        inFlight.release();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    errors.add(sid + ": POST failed: " + e);
                    submitErrors.incrementAndGet();
                    unread.remove(i);
                    inFlight.release();
                }
            }
        };

        List<Thread> subs = new ArrayList<>();
        sampler.start();
        double serviceCpu0 = pid == null ? -1 : processCpuSeconds(pid);
        double driverCpu0 = ownCpuSeconds();
        long t0 = System.nanoTime();
        final long t0Epoch = System.currentTimeMillis();
        long firstWindowEndEpoch = 0;   // when `window` sessions had been seen ended
        long lastWindowStartEpoch = 0;  // when n - window had
        for (int s = 0; s < submitters; s++) {
            Thread t = new Thread(submitter, "submitter-" + s);
            t.setDaemon(true);
            subs.add(t);
            t.start();
        }

        // Poller (this thread): every pollMs one GET /sessions, the history (newest first, at most `history`
        // sessions). Every pending session is in it: at most max-in-flight <= history sessions are pending,
        // and an ended one is read at the first poll after its end, before newer ones could push it out.
        // The ended ones are taken from it; nothing is asked per session. A pending session missing from the
        // history (it cannot be) is asked for by id and reported.
        long lastCompletion = t0;
        int polls = 0;
        long runningSum = 0;
        long missingReads = 0;
        while (!pastDeadline()) {
            boolean submittersDone = subs.stream().noneMatch(Thread::isAlive);
            if (completed.get() + submitErrors.get() >= n || (submittersDone && pending.isEmpty())) {
                break;
            }
            Thread.sleep(pollMs);
            Set<String> snapshot = new HashSet<>(pending.keySet()); // accepted before the history is asked for
            if (snapshot.isEmpty()) {
                continue;
            }
            polls++;
            int beforeCount = completed.get();
            List<Object> list;
            try {
                list = Json.array(getJson("/sessions"));
            } catch (IOException e) {
                pollErrors.incrementAndGet();
                continue;
            }
            int runningNow = 0;
            for (Object o : list) {
                Map<String, Object> body = Json.object(o);
                String id = (String) body.get("id");
                boolean isRunning = "RUNNING".equals(body.get("status"));
                if (isRunning) {
                    runningNow++;
                }
                if (snapshot.remove(id) && !isRunning) {
                    Tracked t = pending.remove(id);
                    if (t != null) {
                        ended.put(t.index(), body);
                        completed.incrementAndGet();
                        unread.remove(t.index());
                        inFlight.release();
                    }
                }
            }
            runningSum += runningNow;
            for (String id : snapshot) {
                missingReads++;
                Resp r = get("/sessions/" + id);
                Tracked t = pending.get(id);
                if (r.statusCode() == 200) {
                    errors.add(t.studentId() + ": session " + id + " is not in GET /sessions but GET /sessions/{id} has it");
                    Map<String, Object> body = Json.object(Json.parse(r.body()));
                    if ("RUNNING".equals(body.get("status"))) {
                        continue;
                    }
                    ended.put(t.index(), body);
                } else {
                    errors.add(t.studentId() + ": GET /sessions/" + id + " answered " + r.statusCode()
                            + " (left the history before it was read)");
                }
                if (pending.remove(id) != null) {
                    completed.incrementAndGet();
                    unread.remove(t.index());
                    inFlight.release();
                }
            }
            if (completed.get() > beforeCount) {
                lastCompletion = System.nanoTime();
            }
            if (firstWindowEndEpoch == 0 && completed.get() >= window) {
                firstWindowEndEpoch = System.currentTimeMillis();
            }
            if (lastWindowStartEpoch == 0 && completed.get() >= n - window) {
                lastWindowStartEpoch = System.currentTimeMillis();
            }
        }
        long t1 = lastCompletion;
        final long t1Epoch = System.currentTimeMillis();
        if (lastWindowStartEpoch == 0) {
            lastWindowStartEpoch = t0Epoch;
        }
        double serviceCpu = pid == null ? -1 : processCpuSeconds(pid) - serviceCpu0;
        double driverCpu = ownCpuSeconds() - driverCpu0;
        stop.value = true;
        for (Thread t : subs) {
            t.interrupt();
        }
        sampler.join(5000);
        double wall = (t1 - t0) / 1e9;

        // ----------------------------------------------------------------------------------- checks
        if (pastDeadline()) {
            fail("the run passed its deadline (--deadline-s) with " + completed.get() + " of " + n + " sessions seen ended");
        }
        synchronized (errors) {
            for (int e = 0; e < Math.min(errors.size(), 20); e++) {
                out.println("error: " + errors.get(e));
            }
            if (!errors.isEmpty()) {
                fail(errors.size() + " request errors (first ones above)");
            }
        }
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        Map<String, String> flagOf = new HashMap<>(); // flag -> student id
        long[] durations = new long[ended.size()];
        long questionsTotal = 0;
        int d = 0;
        int wrongCount = 0;
        int badFlags = 0;
        int duplicates = 0;
        int wrongStudent = 0;
        Pattern hex64 = Pattern.compile("[0-9a-f]{64}");
        for (Map.Entry<Integer, Map<String, Object>> e : ended.entrySet()) {
            Map<String, Object> s = e.getValue();
            String status = String.valueOf(s.get("status"));
            byStatus.merge(status, 1, Integer::sum);
            if (s.get("failure") != null) {
                byReason.merge(String.valueOf(Json.object(s.get("failure")).get("reason")), 1, Integer::sum);
            }
            String sid = String.format(Locale.ROOT, "%s%06d", prefix, first + e.getKey());
            if (!sid.equals(s.get("studentId"))) {
                wrongStudent++;
            }
            long qa = ((Number) s.getOrDefault("questionsAnswered", 0)).longValue();
            questionsTotal += qa;
            if (questions > 0 && qa != questions && "FLAG_CAPTURED".equals(status)) {
                wrongCount++;
            }
            Object dm = s.get("durationMillis");
            durations[d++] = dm == null ? -1 : ((Number) dm).longValue();
            if ("FLAG_CAPTURED".equals(status)) {
                String flag = String.valueOf(s.get("flag"));
                if (!hex64.matcher(flag).matches()) {
                    badFlags++;
                }
                if (flagOf.put(flag, sid) != null) {
                    duplicates++;
                }
            }
        }
        int captured = byStatus.getOrDefault("FLAG_CAPTURED", 0);
        check(completed.get() == n && ended.size() == n, "every session seen ended",
                ended.size() + " of " + n + " sessions read back ended");
        check(captured == n, "every session FLAG_CAPTURED", "statuses " + byStatus + (byReason.isEmpty() ? "" : " reasons " + byReason));
        check(wrongStudent == 0, "each session body has its student id", wrongStudent + " bodies with another student id");
        check(badFlags == 0, "every flag is 64 lower-case hex", badFlags + " malformed flags");
        check(duplicates == 0 && flagOf.size() == captured, "all flags distinct", duplicates + " duplicate flags");
        if (questions > 0) {
            check(wrongCount == 0, "every session answered " + questions + " questions",
                    wrongCount + " captured sessions with another question count");
        }

        // GET /flags: every flag there when n fits in the store; otherwise the store is full and holds only ours.
        List<Object> flagList = Json.array(getJson("/flags"));
        Set<String> listed = new HashSet<>();
        int listedMismatch = 0;
        for (Object o : flagList) {
            Map<String, Object> f = Json.object(o);
            String flag = String.valueOf(f.get("flag"));
            listed.add(flag);
            String owner = flagOf.get(flag);
            if (owner != null && !owner.equals(f.get("studentId"))) {
                listedMismatch++;
            }
        }
        int expectedStored = (int) Math.min(storedBefore + n, capacity);
        if (storedBefore + n <= capacity) {
            int missing = 0;
            for (String f : flagOf.keySet()) {
                if (!listed.contains(f)) {
                    missing++;
                }
            }
            check(missing == 0, "every flag in GET /flags", missing + " of " + flagOf.size() + " flags missing from GET /flags");
        } else {
            int ours = 0;
            for (String f : listed) {
                if (flagOf.containsKey(f)) {
                    ours++;
                }
            }
            out.printf(Locale.ROOT, "note: n + flags stored before (%.0f) > capacity %d: GET /flags holds %d of this run's flags%n",
                    storedBefore + n, capacity, ours);
        }
        check(listedMismatch == 0, "GET /flags pairs each flag with its student", listedMismatch + " mismatches");
        check(flagList.size() == expectedStored, "GET /flags lists min(stored+n, capacity) = " + expectedStored,
                "it lists " + flagList.size());
        int historySize = Json.array(getJson("/sessions")).size();
        check(historySize <= history, "GET /sessions bounded by the history (" + history + ")", "it lists " + historySize);

        // Prometheus: the session counter is incremented just after the session is seen ended: let it settle.
        Prom after = null;
        double capturedCounter = -1;
        for (int i = 0; i < 50; i++) {
            after = scrape();
            capturedCounter = after.sum("flagrunner_sessions_total", "status", "FLAG_CAPTURED") - capturedBefore;
            if (capturedCounter >= n) {
                break;
            }
            Thread.sleep(100);
        }
        double endedCounter = after.sum("flagrunner_sessions_total", null, null) - endedBefore;
        double stored = after.sum("flagrunner_flags_stored", null, null);
        double flagsCaptured = after.sum("flagrunner_flags_captured_total", null, null) - flagsCapturedBefore;
        check(capturedCounter == n, "flagrunner_sessions_total{status=\"FLAG_CAPTURED\"} = " + n
                + (capturedBefore > 0 ? " (over its baseline)" : ""), "it is " + fmt(capturedCounter));
        check(endedCounter == n, "flagrunner_sessions_total (all statuses) = " + n, "it is " + fmt(endedCounter));
        check(flagsCaptured == n, "flagrunner_flags_captured_total = " + n, "it is " + fmt(flagsCaptured));
        check(stored == expectedStored, "flagrunner_flags_stored = min(n, capacity) = " + expectedStored, "it is " + fmt(stored));
        check(samples.size() > 0, "heap sampled", "no /actuator/prometheus sample succeeded");

        double heapAfterGc = pid == null ? -1 : gcHeap(pid);
        if (pid != null) {
            int bound = intOpt("max-retained-mib", 64);
            check((heapAfterGc - idleHeapGc) <= bound * 1024.0 * 1024.0,
                    "heap retained after the run (full GC, after minus before) <= " + bound + " MiB",
                    "it is " + mib(heapAfterGc - idleHeapGc));
        }

        // --------------------------------------------------------------------------------- figures
        long[] sorted = Arrays.stream(durations).filter(x -> x >= 0).sorted().toArray();
        double peakHeap = 0;
        double peakThreads = 0;
        double firstPeak = 0;
        double lastPeak = 0;
        double firstMin = Double.MAX_VALUE;
        double lastMin = Double.MAX_VALUE;
        int firstN = 0;
        int lastN = 0;
        synchronized (samples) {
            for (Sample s : samples) {
                peakHeap = Math.max(peakHeap, s.heapUsed());
                peakThreads = Math.max(peakThreads, s.liveThreads());
                if (s.completed() < window) {
                    firstPeak = Math.max(firstPeak, s.heapUsed());
                    firstMin = Math.min(firstMin, s.heapUsed());
                    firstN++;
                }
                if (s.completed() >= n - window) {
                    lastPeak = Math.max(lastPeak, s.heapUsed());
                    lastMin = Math.min(lastMin, s.heapUsed());
                    lastN++;
                }
            }
        }
        double jvmPeakThreads = after.sum("jvm_threads_peak_threads", null, null);
        put("n", n);
        put("questions_per_session", questions);
        put("wall_s", String.format(Locale.ROOT, "%.2f", wall));
        put("sessions_per_s", String.format(Locale.ROOT, "%.1f", n / wall));
        put("questions_total", questionsTotal);
        put("questions_per_s", String.format(Locale.ROOT, "%.0f", questionsTotal / wall));
        put("p50_ms", percentile(sorted, 50));
        put("p99_ms", percentile(sorted, 99));
        put("max_ms", sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        put("mean_ms", String.format(Locale.ROOT, "%.0f", Arrays.stream(sorted).average().orElse(-1)));
        put("peak_heap_mib", mibNum(peakHeap));
        put("idle_heap_mib", mibNum(idleHeap));
        put("idle_heap_gc_mib", pid == null ? "-" : mibNum(idleHeapGc));
        put("heap_after_gc_mib", pid == null ? "-" : mibNum(heapAfterGc));
        put("peak_live_threads", (long) peakThreads);
        put("jvm_peak_threads", (long) jvmPeakThreads);
        put("idle_threads", (long) idleThreads);
        put("http_429", tooMany.get());
        long[] posts = Arrays.stream(postNanos).filter(x -> x > 0).map(x -> x / 1000).sorted().toArray();
        put("post_p50_us", percentile(posts, 50));
        put("post_p99_us", percentile(posts, 99));
        put("samples", samples.size());
        put("sample_errors", sampleErrors.get());
        put("service_cpu_s", String.format(Locale.ROOT, "%.1f", serviceCpu));
        put("driver_cpu_s", String.format(Locale.ROOT, "%.1f", driverCpu));
        put("cpus", Runtime.getRuntime().availableProcessors());
        put("polls", polls);
        put("history_window_waits", windowWaits.get());
        put("missing_reads", missingReads);
        put("mean_running_at_polls", String.format(Locale.ROOT, "%.0f", polls == 0 ? 0.0 : runningSum / (double) polls));
        put("poll_errors", pollErrors.get());
        put("window", window);
        String gcLog = opt("gc-log", null);
        if (gcLog != null) {
            // The G1 log has the heap used when each pause began: the real peaks, which samples can miss.
            List<GcEvent> gcs = GcEvent.read(Path.of(gcLog));
            GcEvent.Summary all = GcEvent.summarize(gcs, t0Epoch, t1Epoch);
            GcEvent.Summary firstW = GcEvent.summarize(gcs, t0Epoch, firstWindowEndEpoch == 0 ? t1Epoch : firstWindowEndEpoch);
            GcEvent.Summary lastW = GcEvent.summarize(gcs, lastWindowStartEpoch, t1Epoch);
            put("gc_pauses", all.count());
            put("gc_pause_total_ms", String.format(Locale.ROOT, "%.0f", all.pauseMs()));
            put("gc_pause_max_ms", String.format(Locale.ROOT, "%.1f", all.maxPauseMs()));
            put("gc_peak_heap_mib", all.count() == 0 ? "-" : all.maxBefore());
            put("gc_max_after_mib", all.count() == 0 ? "-" : all.maxAfter());
            put("gc_first_window_peak_mib", firstW.count() == 0 ? "-" : firstW.maxBefore());
            put("gc_first_window_max_after_mib", firstW.count() == 0 ? "-" : firstW.maxAfter());
            put("gc_first_window_pauses", firstW.count());
            put("gc_last_window_peak_mib", lastW.count() == 0 ? "-" : lastW.maxBefore());
            put("gc_last_window_max_after_mib", lastW.count() == 0 ? "-" : lastW.maxAfter());
            put("gc_last_window_pauses", lastW.count());
            out.printf(Locale.ROOT, "GC log: %d pauses in the run (%.0f ms in all, longest %.1f ms); heap when a pause began: at most %s MiB,"
                    + " after it at most %s MiB%n", all.count(), all.pauseMs(), all.maxPauseMs(),
                    all.count() == 0 ? "-" : all.maxBefore(), all.count() == 0 ? "-" : all.maxAfter());
            if (window < n) {
                out.printf(Locale.ROOT, "GC log, first %d sessions: %d pauses, peak %s MiB, after-GC at most %s MiB;"
                        + " last %d: %d pauses, peak %s MiB, after-GC at most %s MiB%n",
                        window, firstW.count(), firstW.count() == 0 ? "-" : firstW.maxBefore(),
                        firstW.count() == 0 ? "-" : firstW.maxAfter(), window, lastW.count(),
                        lastW.count() == 0 ? "-" : lastW.maxBefore(), lastW.count() == 0 ? "-" : lastW.maxAfter());
            }
        }
        put("first_window_peak_heap_mib", firstN == 0 ? "-" : mibNum(firstPeak));
        put("first_window_min_heap_mib", firstN == 0 ? "-" : mibNum(firstMin));
        put("first_window_samples", firstN);
        put("last_window_peak_heap_mib", lastN == 0 ? "-" : mibNum(lastPeak));
        put("last_window_min_heap_mib", lastN == 0 ? "-" : mibNum(lastMin));
        put("last_window_samples", lastN);
        put("history_listed", historySize);
        put("flags_listed", flagList.size());
        put("flags_stored", (long) stored);
        put("sessions_total_captured", (long) capturedCounter);
        put("checks_failed", failures.size());

        out.println();
        out.printf(Locale.ROOT, "wall %.2f s | %.1f sessions/s | %.0f questions/s | duration p50 %d ms p99 %d ms max %d ms%n",
                wall, n / wall, questionsTotal / wall, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        out.printf(Locale.ROOT, "heap: idle %s, peak %s (%d samples every %d ms) | live threads: idle %.0f, peak %.0f (JVM peak %.0f) | 429s: %d%n",
                mib(idleHeap), mib(peakHeap), samples.size(), sampleMs, idleThreads, peakThreads, jvmPeakThreads, tooMany.get());
        out.printf(Locale.ROOT, "CPU during the run: service %.1f s, driver %.1f s, of %.1f s available (%d CPUs x wall)%n",
                serviceCpu, driverCpu, wall * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "POST /sessions (accepted, last attempt): p50 %d us, p99 %d us, max %d us%n",
                percentile(posts, 50), percentile(posts, 99), posts.length == 0 ? -1 : posts[posts.length - 1]);
        out.printf(Locale.ROOT, "%d polls of GET /sessions, %.0f sessions running on average when polled, %d in flight at most%n",
                polls, polls == 0 ? 0.0 : runningSum / (double) polls, maxPending.get());
        if (windowWaits.get() > 0) {
            out.printf(Locale.ROOT, "%d submissions waited for a session %d older to be read (history window)%n",
                    windowWaits.get(), historyWindow);
        }
        if (pid != null) {
            out.printf(Locale.ROOT, "heap after a full GC: before the run %s, after it %s%n", mib(idleHeapGc), mib(heapAfterGc));
        }
        if (window < n) {
            out.printf(Locale.ROOT, "heap while the first %d sessions ran: peak %s, min %s (%d samples); while the last %d ran: peak %s, min %s (%d samples)%n",
                    window, firstN == 0 ? "-" : mib(firstPeak), firstN == 0 ? "-" : mib(firstMin), firstN, window,
                    lastN == 0 ? "-" : mib(lastPeak), lastN == 0 ? "-" : mib(lastMin), lastN);
        }
        return finish();
    }

    /** A mutable flag the sampler reads. */
    private static final class StopFlag {
        volatile boolean value;
    }

    // ------------------------------------------------------------------------------------- memory mode

    private int memory() throws Exception {
        final int n = intOpt("n", 200);
        final String prefix = opt("prefix", "m");
        final int questions = intOpt("questions", -1);
        final String pid = opt("pid", null);
        if (pid == null) {
            throw new IllegalArgumentException("--pid PID of the service is required");
        }
        // 1. Warm-up: n sessions to their end, so first-use allocations (pools, meters, caches) are not counted.
        out.printf(Locale.ROOT, "memory: warm-up, %d sessions to their end%n", n);
        int threadsIdle = (int) scrape().sum("jvm_threads_live_threads", null, null);
        long[] nmtIdle = nmtThreads(pid);
        List<String> warm = submitAll(prefix, 1, n);
        awaitEnded(warm);
        long h0 = gcHeap(pid);
        int threads0 = (int) scrape().sum("jvm_threads_live_threads", null, null);
        double sampled0 = sampledMinHeap(16, 250);
        out.printf(Locale.ROOT, "after warm-up (%d sessions ended, in history and flag store): heap after full GC %s, threads %d%n",
                n, mib(h0), threads0);

        // 2. n sessions running (slow: the service runs with the delay fault); wait until all answer questions.
        List<String> running = submitAll(prefix, n + 1, n);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int runningNow = 0;
        int answering = 0;
        while (System.nanoTime() - until < 0 && !pastDeadline()) {
            List<Object> list = Json.array(getJson("/sessions?status=RUNNING"));
            runningNow = list.size();
            answering = 0;
            for (Object o : list) {
                if (((Number) Json.object(o).get("questionsAnswered")).intValue() > 0) {
                    answering++;
                }
            }
            if (answering >= n) {
                break;
            }
            Thread.sleep(200);
        }
        check(answering >= n, n + " sessions running and answering at the measurement",
                "only " + answering + " of " + runningNow + " running sessions answered a question");
        long h1 = gcHeap(pid);
        int threads1 = (int) scrape().sum("jvm_threads_live_threads", null, null);
        long[] nmtRunning = nmtThreads(pid);
        double sampledRunning = sampledMinHeap(16, 250);
        List<Object> stillRunning = Json.array(getJson("/sessions?status=RUNNING"));
        check(stillRunning.size() >= n, "the sessions were still running after the measurement",
                "only " + stillRunning.size() + " still running: make them slower (delay fault, questions)");
        out.printf(Locale.ROOT, "%d sessions running: heap after full GC %s, threads %d%n", n, mib(h1), threads1);

        // 3. The same sessions ended (they stay in the history and the flag store).
        awaitEnded(running);
        long h2 = gcHeap(pid);
        double sampled2 = sampledMinHeap(16, 250);
        int threads2 = (int) scrape().sum("jvm_threads_live_threads", null, null);
        out.printf(Locale.ROOT, "the same %d sessions ended: heap after full GC %s, threads %d%n", n, mib(h2), threads2);

        double perRunning = (h1 - h2) / (double) n;
        double perEnded = (h2 - h0) / (double) n;
        put("mem_sessions", n);
        put("mem_questions", questions);
        put("heap_gc_warm_kib", h0 / 1024);
        put("heap_gc_running_kib", h1 / 1024);
        put("heap_gc_ended_kib", h2 / 1024);
        put("per_running_session_kib", String.format(Locale.ROOT, "%.1f", perRunning / 1024));
        put("per_ended_session_kib", String.format(Locale.ROOT, "%.2f", perEnded / 1024));
        put("threads_idle", threadsIdle);
        put("threads_warm", threads0);
        put("threads_running", threads1);
        put("threads_ended", threads2);
        put("threads_per_running_session", String.format(Locale.ROOT, "%.2f", (threads1 - threadsIdle) / (double) n));
        if (nmtIdle != null && nmtRunning != null) {
            // Native memory of threads (stacks, mostly) with n sessions running vs the fresh service.
            double perThreadStack = nmtRunning[1] / (double) nmtRunning[0];
            double perSession = (nmtRunning[2] - nmtIdle[2]) / (double) n;
            put("nmt_threads_idle", nmtIdle[0]);
            put("nmt_threads_running", nmtRunning[0]);
            put("nmt_stack_committed_per_thread_kib", String.format(Locale.ROOT, "%.0f", perThreadStack));
            put("nmt_thread_committed_per_running_session_kib", String.format(Locale.ROOT, "%.0f", perSession));
            out.printf(Locale.ROOT, "native (NMT): %d threads idle, %d with %d sessions running; thread stacks committed %.0f KiB"
                    + " per thread; thread memory per running session %.0f KiB%n",
                    nmtIdle[0], nmtRunning[0], n, perThreadStack, perSession);
        } else {
            out.println("native (NMT): not measured (start the service with -XX:NativeMemoryTracking=summary)");
        }
        put("sampled_min_heap_warm_mib", mibNum(sampled0));
        put("sampled_min_heap_running_mib", mibNum(sampledRunning));
        put("sampled_min_heap_ended_mib", mibNum(sampled2));
        put("sampled_per_running_session_kib", String.format(Locale.ROOT, "%.1f", (sampledRunning - sampled2) / n / 1024));
        put("checks_failed", failures.size());
        out.printf(Locale.ROOT, "heap per running session: %.1f KiB (full-GC method) | sampled-min method (no forced GC): %.1f KiB%n",
                perRunning / 1024, (sampledRunning - sampled2) / n / 1024);
        out.printf(Locale.ROOT, "heap kept per ended session (history entry + stored flag): %.2f KiB | threads per running session: %.2f%n",
                perEnded / 1024, (threads1 - threadsIdle) / (double) n);
        return finish();
    }

    /** Submits count sessions with ids prefix+first.., retrying 429s; returns their ids. */
    private List<String> submitAll(String prefix, int first, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count && !pastDeadline(); i++) {
            String sid = String.format(Locale.ROOT, "%s%06d", prefix, first + i);
            for (int attempt = 0; attempt < 120; attempt++) {
                Resp r = postSession(sid);
                if (r.statusCode() == 202) {
                    ids.add((String) Json.object(Json.parse(r.body())).get("id"));
                    break;
                } else if (r.statusCode() == 429) {
                    Thread.sleep(1000);
                } else {
                    throw new IOException("POST /sessions for " + sid + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
                }
            }
        }
        if (ids.size() != count) {
            throw new IOException("only " + ids.size() + " of " + count + " sessions accepted");
        }
        return ids;
    }

    private void awaitEnded(List<String> ids) throws Exception {
        Set<String> left = new HashSet<>(ids);
        while (!left.isEmpty() && !pastDeadline()) {
            Thread.sleep(500);
            Set<String> running = new HashSet<>();
            for (Object o : Json.array(getJson("/sessions?status=RUNNING"))) {
                running.add((String) Json.object(o).get("id"));
            }
            for (String id : new ArrayList<>(left)) {
                if (!running.contains(id)) {
                    Map<String, Object> s = Json.object(getJson("/sessions/" + id));
                    if (!"RUNNING".equals(s.get("status"))) {
                        check("FLAG_CAPTURED".equals(s.get("status")), null, "session " + id + " ended " + s.get("status"));
                        left.remove(id);
                    }
                }
            }
        }
        if (!left.isEmpty()) {
            fail(left.size() + " sessions did not end before the deadline");
        }
        Thread.sleep(300); // let the ends' bookkeeping (metrics, permits) finish
    }

    /** Heap used right after a full GC, in bytes: the minimum over three {@code GC.run; GC.heap_info} rounds. */
    private long gcHeap(String pid) throws Exception {
        if (!pid.matches("\\d+")) {
            throw new IllegalArgumentException("--pid must be a process id: " + pid);
        }
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Path script = Files.createTempFile("concbench-jcmd", ".txt");
        try {
            Files.writeString(script, "GC.run\nGC.heap_info\n");
            long best = Long.MAX_VALUE;
            Pattern used = Pattern.compile("used (\\d+)K");
            for (int round = 0; round < 3; round++) {
                Process p = new ProcessBuilder(jcmd, pid, "-f", script.toString()).redirectErrorStream(true).start();
                String text;
                try (InputStream in = p.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("jcmd did not finish in 30 s");
                }
                Matcher m = used.matcher(text);
                if (p.exitValue() != 0 || !m.find()) {
                    throw new IOException("jcmd " + pid + " GC.run/GC.heap_info failed: " + abbreviate(text));
                }
                best = Math.min(best, Long.parseLong(m.group(1)) * 1024);
                Thread.sleep(200);
            }
            return best;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** User + system CPU time of a process, from /proc/PID/stat (Linux; -1 elsewhere). */
    private static double processCpuSeconds(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based in proc(5))
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This JVM's CPU time. */
    private static double ownCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /**
     * From {@code jcmd PID VM.native_memory summary}: {threads, stack committed KiB, thread committed KiB};
     * null when the service runs without -XX:NativeMemoryTracking.
     */
    private static long[] nmtThreads(String pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, pid, "VM.native_memory", "summary").redirectErrorStream(true).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        Matcher m = Pattern.compile("-\\s+Thread \\(reserved=\\d+KB, committed=(\\d+)KB\\)\\s+\\(thread #(\\d+)\\)\\s+"
                + "\\(stack: reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(text);
        if (!m.find()) {
            return null;
        }
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(1))};
    }

    /** The smallest heap used over count scrapes of /actuator/prometheus (no forced GC). */
    private double sampledMinHeap(int count, int everyMs) throws Exception {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, scrape().sum("jvm_memory_used_bytes", "area", "heap"));
            Thread.sleep(everyMs);
        }
        return min;
    }

    // ------------------------------------------------------------------------------------- reporting

    private void check(boolean ok, String what, String otherwise) {
        if (!ok) {
            fail((what == null ? "" : what + ": ") + otherwise);
        } else if (what != null) {
            out.println("check ok:     " + what);
        }
    }

    private void fail(String message) {
        failures.add(message);
        out.println("check FAILED: " + message);
    }

    private void put(String key, Object value) {
        results.put(key, String.valueOf(value));
    }

    private int finish() throws IOException {
        results.put("checks_failed", String.valueOf(failures.size()));
        String file = opt("out", null);
        if (file != null) {
            StringBuilder sb = new StringBuilder();
            results.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            Files.writeString(Path.of(file), sb.toString());
        }
        out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : failures.size() + " CHECK(S) FAILED");
        return failures.isEmpty() ? 0 : 1;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // nearest rank
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
    }

    private static String mibNum(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    // ------------------------------------------------------------------------------------- GC log

    /** One pause of {@code -Xlog:gc:file=F:time}: {@code [time] GC(n) Pause Young ... 150M->25M(512M) 3.4ms}. */
    record GcEvent(long epochMillis, boolean forced, int beforeMib, int afterMib, double pauseMs) {

        private static final Pattern LINE = Pattern.compile(
                "^\\[([0-9T:.+-]+)\\].*GC\\(\\d+\\) (Pause.*?) (\\d+)M->(\\d+)M\\(\\d+M\\) ([0-9.]+)ms");
        private static final java.time.format.DateTimeFormatter TIME =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

        static List<GcEvent> read(Path file) throws IOException {
            List<GcEvent> events = new ArrayList<>();
            if (!Files.exists(file)) {
                return events;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    long t = java.time.OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
                    events.add(new GcEvent(t, m.group(2).contains("System.gc()") || m.group(2).contains("Diagnostic"),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Double.parseDouble(m.group(5))));
                }
            }
            return events;
        }

        record Summary(int count, int maxBefore, int maxAfter, double pauseMs, double maxPauseMs) {}

        /** The pauses (not forced by jcmd GC.run) that began in [from, to]. */
        static Summary summarize(List<GcEvent> events, long from, long to) {
            int count = 0;
            int maxBefore = 0;
            int maxAfter = 0;
            double total = 0;
            double max = 0;
            for (GcEvent e : events) {
                if (!e.forced() && e.epochMillis() >= from && e.epochMillis() <= to) {
                    count++;
                    maxBefore = Math.max(maxBefore, e.beforeMib());
                    maxAfter = Math.max(maxAfter, e.afterMib());
                    total += e.pauseMs();
                    max = Math.max(max, e.pauseMs());
                }
            }
            return new Summary(count, maxBefore, maxAfter, total, max);
        }
    }

    // ------------------------------------------------------------------------- Prometheus text format

    /** The samples of one scrape: {@code name{labels} value} lines; {@link #sum} adds a metric's series. */
    static final class Prom {
        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
        private final List<String[]> rows = new ArrayList<>(); // name, labels, value

        Prom(String text) {
            for (String line : text.split("\n")) {
                if (!(line.startsWith("jvm_") || line.startsWith("flagrunner_"))) {
                    continue; // comments and meters the driver does not read
                }
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    rows.add(new String[] {m.group(1), m.group(3) == null ? "" : m.group(3), m.group(4)});
                }
            }
        }

        /** Sum of the metric's series; only those with label=value when label is not null. */
        double sum(String name, String label, String value) {
            double total = 0;
            String want = label == null ? null : label + "=\"" + value + "\"";
            for (String[] r : rows) {
                if (r[0].equals(name) && (want == null || containsLabel(r[1], want))) {
                    total += Double.parseDouble(r[2]);
                }
            }
            return total;
        }

        private static boolean containsLabel(String labels, String want) {
            int i = labels.indexOf(want);
            return i >= 0 && (i == 0 || labels.charAt(i - 1) == ',');
        }
    }

    // ----------------------------------------------------------------------------------- tiny JSON

    /** Just enough JSON: objects (LinkedHashMap), arrays (ArrayList), strings, numbers (Long/Double), booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            j.ws();
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) {
                throw j.error("trailing characters");
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object o) {
            if (!(o instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object: " + o);
            }
            return (Map<String, Object>) o;
        }

        @SuppressWarnings("unchecked")
        static List<Object> array(Object o) {
            if (!(o instanceof List)) {
                throw new IllegalArgumentException("not a JSON array: " + abbreviate(String.valueOf(o)));
            }
            return (List<Object>) o;
        }

        private Object value() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        ws();
                        m.put(k, value());
                        ws();
                        if (peek(',')) {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        i++;
                        return l;
                    }
                    while (true) {
                        ws();
                        l.add(value());
                        ws();
                        if (peek(',')) {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return number();
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String t = s.substring(start, i);
            if (t.isEmpty()) {
                throw error("unexpected character");
            }
            if (t.contains(".") || t.contains("e") || t.contains("E")) {
                return Double.parseDouble(t);
            }
            return Long.parseLong(t);
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON " + what + " at " + i);
        }
    }
}
