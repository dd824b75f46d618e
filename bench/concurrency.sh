#!/usr/bin/env bash
# bench/concurrency.sh - Flagrunner's concurrency benchmark (see bench/CONCURRENCY.md).
#
#   bench/concurrency.sh                 the full run: about 3-5 minutes on 2 vCPUs
#   N=50 Q=100 bench/concurrency.sh      a quick run (phase (ii) then has 10*N sessions)
#
# From any directory; works relative to the repo root. Needs a JDK 17 (java, javac, jcmd), curl and
# coreutils' timeout. Builds target/flagrunner.jar when it is missing (BUILD=1 forces a rebuild), asks Maven
# once for the test classpath (again when pom.xml changes) and compiles the driver, the package
# src/bench/java/dev/flagrunner/bench/concurrency with the Prometheus parser it shares with the tests
# (src/test/java/dev/flagrunner/support/Scrape.java), into bench/target/concurrency/ (git-ignored), then:
#
#   (i)   a service with embedded questions Q (1000) per session: N (1000) sessions
#   (ii)  a new service with Q2 (100) questions: N2 (10 * N) sessions; the heap while the first WINDOW
#         (min(N, N2)) sessions ran is compared with the heap while the last WINDOW ran
#   (iii) a new service whose embedded server waits MEM_DELAY ms (500) before each of MEM_Q (30)
#         questions: heap (jcmd GC.run) and thread memory (NMT) per running session, with MEM_N
#         (min(MAX_CONCURRENT, N)) sessions running
#
# Each phase starts the service on a free 127.0.0.1 port with -Xmx$XMX (512m),
# flagrunner.session.max-concurrent=$MAX_CONCURRENT (200), a data directory of its own and the embedded server's
# TLS listeners off (the sessions are plain; TLS=1 below keeps them and the sessions use them), waits for /actuator/health UP, runs the driver (at most $MAX_CONCURRENT sessions in
# flight) and stops the service (SIGTERM, graceful). Prints a table; exits 0 when every check passed, 1 when
# one failed, 2 when a service did not start.
#
# Knobs (environment): N Q N2 Q2 WINDOW; PHASES ("1 2 3": the phases to run); MEM (1; 0 skips phase iii)
# MEM_N MEM_Q MEM_DELAY; XMX MAX_CONCURRENT; POLL_MS (100) SAMPLE_MS (200) SUBMITTERS (16); STARTUP (120 s
# to become healthy) PHASE_TIMEOUT (1500 s per driver run) SERVICE_TIMEOUT (3600 s: no service outlives
# it); BUILD (auto|1|0) JAVA JAVAC SERVICE_OPTS (more JVM options for the service) DRIVER_OPTS; TLS (0; 1: the
# embedded server keeps its TLS listeners and every session asks for one, "tls": true).
#
# Everything stays on 127.0.0.1; every process started here is killed on exit (trap EXIT).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."   # repo root: target/flagrunner.jar and ./application.yml

N=${N:-1000}
Q=${Q:-1000}
N2=${N2:-$((N * 10))}
Q2=${Q2:-100}
WINDOW=${WINDOW:-$((N < N2 ? N : N2))}
PHASES=${PHASES:-1 2 3}
MEM=${MEM:-1}
MAX_CONCURRENT=${MAX_CONCURRENT:-200}
MEM_N=${MEM_N:-$((N < MAX_CONCURRENT ? N : MAX_CONCURRENT))}
MEM_Q=${MEM_Q:-30}
MEM_DELAY=${MEM_DELAY:-500}
XMX=${XMX:-512m}
POLL_MS=${POLL_MS:-100}
SAMPLE_MS=${SAMPLE_MS:-200}
SUBMITTERS=${SUBMITTERS:-16}
STARTUP=${STARTUP:-120}
PHASE_TIMEOUT=${PHASE_TIMEOUT:-1500}
SERVICE_TIMEOUT=${SERVICE_TIMEOUT:-3600}
BUILD=${BUILD:-auto}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-javac}
SERVICE_OPTS=${SERVICE_OPTS:-}
TLS=${TLS:-0}
case $TLS in
    0) TLS_SESSIONS=false ;;
    1) TLS_SESSIONS=true ;;
    *) echo "concurrency.sh: TLS must be 0 or 1, not '$TLS'" >&2; exit 2 ;;
esac
DRIVER_OPTS=${DRIVER_OPTS:--Xmx256m -XX:+UseSerialGC}
JAR=target/flagrunner.jar

OUT=bench/target/concurrency
CLASSES=$OUT/classes
LOGS=$OUT/logs
mkdir -p "$CLASSES" "$LOGS"

say() { echo "$*" >&2; }

# ---------------------------------------------------------------- cleanup ---
SVC_PID=""      # the `timeout` wrapper of the service
DRV_PID=""      # the `timeout` wrapper of the driver
kill_one() {    # kill_one PID GRACE_TENTHS: TERM, wait, KILL (one process we started, by its id)
    local pid=$1 grace=$2 i
    [ -n "$pid" ] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < grace; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    kill_one "$DRV_PID" 30; DRV_PID=""
    kill_one "$SVC_PID" 250; SVC_PID=""   # graceful shutdown: shutdown-grace is 10 s
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ build ---
for tool in "$JAVA" "$JAVAC" curl timeout; do
    command -v "$tool" >/dev/null 2>&1 || { say "concurrency.sh: '$tool' not found"; exit 2; }
done
if [ "$BUILD" = 1 ] || { [ "$BUILD" = auto ] && [ ! -f "$JAR" ]; }; then
    say "== building $JAR (./mvnw -B -q -DskipTests package)"
    ./mvnw -B -q -DskipTests package
fi
[ -f "$JAR" ] || { say "concurrency.sh: $JAR missing (BUILD=0?)"; exit 2; }
# shellcheck source=bench/driver.sh
. bench/driver.sh
build_driver "$CLASSES"

# --------------------------------------------------------------- service ---
PORT="" JPID="" EXTRA_JVM="" TOKEN=""
# start_service NAME ARGS...: a new service on a free loopback port; sets PORT, JPID (the JVM's pid) and TOKEN
# (the file of the token it generates; the driver is one caller, so its per-token cap is the global one).
# Each service keeps its flags in a new data directory of its own ($OUT/data-NAME; SERVICE_OPTS may name another
# store, its -D coming later wins): the default, ./flagrunner-data, would count the checkout's flags as this run's.
start_service() {
    local name=$1 i
    shift
    PORT=$(driver freeport)
    TOKEN=$LOGS/$name-token
    rm -f "$TOKEN"
    rm -rf "$OUT/data-$name"
    # shellcheck disable=SC2086  # SERVICE_OPTS is a list of words
    timeout -k 10 "$SERVICE_TIMEOUT" "$JAVA" -Xmx"$XMX" -Dflagrunner.store.path="$OUT/data-$name" $SERVICE_OPTS \
        $EXTRA_JVM -jar "$JAR" \
        --server.address=127.0.0.1 --server.port="$PORT" --flagrunner.embedded-server.tls="$TLS_SESSIONS" \
        --flagrunner.session.max-concurrent="$MAX_CONCURRENT" \
        --flagrunner.security.token-file="$TOKEN" --flagrunner.security.max-sessions-per-token="$MAX_CONCURRENT" "$@" \
        >"$LOGS/$name-service.log" 2>&1 </dev/null &
    SVC_PID=$!
    JPID=""
    for ((i = 0; i < STARTUP * 4; i++)); do
        kill -0 "$SVC_PID" 2>/dev/null || break
        [ -n "$JPID" ] || JPID=$(pgrep -P "$SVC_PID" -x java || true)
        if [ -n "$JPID" ] && curl -sf --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null \
                | grep -q '^{"status":"UP"\|"status":"UP"}$'; then
            say "   service up on 127.0.0.1:$PORT (pid $JPID, -Xmx$XMX $*)"
            return 0
        fi
        sleep 0.25
    done
    say "concurrency.sh: the service did not become healthy in $STARTUP s; log: $LOGS/$name-service.log"
    tail -n 20 "$LOGS/$name-service.log" >&2 || true
    exit 2
}
stop_service() { kill_one "$SVC_PID" 250; SVC_PID=""; JPID=""; }

# run_driver NAME ARGS...: the driver under timeout; its output goes to the log, then to stderr. Returns
# the driver's status (0 all checks passed, 1 a check failed, 124 timed out, other: it broke).
run_driver() {
    local name=$1 rc=0
    shift
    # shellcheck disable=SC2086
    timeout -k 10 "$PHASE_TIMEOUT" "$JAVA" $DRIVER_OPTS -cp "$DRIVER_CP" "$DRIVER_MAIN" "$@" \
        >"$LOGS/$name-driver.log" 2>&1 </dev/null &
    DRV_PID=$!
    wait "$DRV_PID" || rc=$?
    DRV_PID=""
    sed 's/^/   /' "$LOGS/$name-driver.log" >&2
    return "$rc"
}

FAILED=0
declare -A R1 R2 R3
load() {   # load ARRAY FILE: key=value lines into an associative array
    local -n arr=$1
    local k v
    [ -f "$2" ] || return 0
    while IFS='=' read -r k v; do arr[$k]=$v; done <"$2"
}
run_flags() {   # common driver options
    echo --poll-ms "$POLL_MS" --sample-ms "$SAMPLE_MS" --submitters "$SUBMITTERS" \
        --max-in-flight "$MAX_CONCURRENT" --deadline-s "$((PHASE_TIMEOUT - 30))" --tls "$TLS_SESSIONS"
}

# log_problems NAME ARRAY: WARN/ERROR lines the service logged during the phase (before its stop), except
# SpringDoc's start-up notice; any ERROR line fails the benchmark.
log_problems() {
    local name=$1 warn err
    local -n arr=$2
    warn=$(grep -E '^[^ ]+ +WARN ' "$LOGS/$name-service.log" | grep -vc 'SpringDocAppInitializer' || true)
    err=$(grep -cE '^[^ ]+ +ERROR ' "$LOGS/$name-service.log" || true)
    arr[log_warn]=$warn
    arr[log_error]=$err
    if [ "$err" -gt 0 ]; then
        say "   the service logged $err ERROR lines: $LOGS/$name-service.log"
        FAILED=1
    fi
}

has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
rm -f "$OUT"/phase*.properties

# run_phase PHASE N Q WINDOW ARRAY: a service whose embedded server asks Q questions per session, N sessions
# through the driver, the driver's results loaded into ARRAY.
run_phase() {
    local phase=$1 n=$2 q=$3 window=$4 results=$5
    EXTRA_JVM=-Xlog:gc:file=$LOGS/$phase-gc.log:time   # the heap when each GC pause began: the real peaks
    start_service "$phase" --flagrunner.embedded-server.questions.min="$q" --flagrunner.embedded-server.questions.max="$q"
    # shellcheck disable=SC2046  # run_flags is a list of words
    run_driver "$phase" run --base "http://127.0.0.1:$PORT" --token-file "$TOKEN" --pid "$JPID" --n "$n" --questions "$q" --prefix c \
        --first 1 --window "$window" --gc-log "$LOGS/$phase-gc.log" $(run_flags) --out "$OUT/$phase.properties" || FAILED=1
    load "$results" "$OUT/$phase.properties"
    log_problems "$phase" "$results"
    stop_service
    EXTRA_JVM=""
}

# --------------------------------------------------------------- phase i ---
if has_phase 1; then
    say "== (i) $N sessions x $Q questions, at most $MAX_CONCURRENT in flight"
    run_phase phase1 "$N" "$Q" "$N" R1
fi

# -------------------------------------------------------------- phase ii ---
if has_phase 2; then
    say "== (ii) $N2 sessions x $Q2 questions; heap while the first $WINDOW ran vs while the last $WINDOW ran"
    run_phase phase2 "$N2" "$Q2" "$WINDOW" R2
fi

# ------------------------------------------------------------- phase iii ---
if [ "$MEM" = 1 ] && has_phase 3; then
    say "== (iii) heap per running session: $MEM_N slow sessions ($MEM_Q questions, $MEM_DELAY ms before each)"
    EXTRA_JVM=-XX:NativeMemoryTracking=summary   # thread stacks per session (jcmd VM.native_memory)
    start_service phase3 --flagrunner.embedded-server.questions.min="$MEM_Q" \
        --flagrunner.embedded-server.questions.max="$MEM_Q" --flagrunner.embedded-server.faults="delay=$MEM_DELAY"
    run_driver phase3 memory --base "http://127.0.0.1:$PORT" --token-file "$TOKEN" --pid "$JPID" --n "$MEM_N" --questions "$MEM_Q" \
        --deadline-s "$((PHASE_TIMEOUT - 30))" --out "$OUT/phase3.properties" || FAILED=1
    load R3 "$OUT/phase3.properties"
    log_problems phase3 R3
    stop_service
    EXTRA_JVM=""
fi

# ---------------------------------------------------------------- report ---
g() { local -n arr=$1; echo "${arr[$2]:--}"; }
ms() { local v; v=$(g "$1" "$2"); [ "$v" = - ] && echo - || awk -v u="$v" 'BEGIN { printf "%.0f", u / 1000 }'; }
cap() { local w c; w=$(g "$1" wall_s); c=$(g "$1" cpus); [ "$w" = - ] && echo - || awk -v w="$w" -v c="$c" 'BEGIN { printf "%.1f", w * c }'; }
interval() { local w k; w=$(g "$1" wall_s); k=$(g "$1" samples); [ "$w" = - ] || [ "$k" = - ] || [ "$k" = 0 ] && echo - || awk -v w="$w" -v k="$k" 'BEGIN { printf "%.0f", w * 1000 / k }'; }
row() { printf '| %-50s | %22s | %22s |\n' "$1" "$2" "$3"; }
echo
echo "Flagrunner concurrency benchmark: $(nproc) CPUs, service -Xmx$XMX, max-concurrent $MAX_CONCURRENT, $(date -u +%Y-%m-%dT%H:%MZ)"
if has_phase 1 || has_phase 2; then
echo
row "" "(i) $N x $Q q" "(ii) $N2 x $Q2 q"
row "---" "---:" "---:"
row "wall time (s)" "$(g R1 wall_s)" "$(g R2 wall_s)"
row "sessions/s" "$(g R1 sessions_per_s)" "$(g R2 sessions_per_s)"
row "questions/s" "$(g R1 questions_per_s)" "$(g R2 questions_per_s)"
row "session duration p50 / p99 (ms)" "$(g R1 p50_ms) / $(g R1 p99_ms)" "$(g R2 p50_ms) / $(g R2 p99_ms)"
row "peak heap used, sampled (MiB)" "$(g R1 peak_heap_mib)" "$(g R2 peak_heap_mib)"
row "  samples (mean interval, ms)" "$(g R1 samples) ($(interval R1))" "$(g R2 samples) ($(interval R2))"
row "  first $WINDOW sessions: peak / min (MiB)" "$(g R1 first_window_peak_heap_mib) / $(g R1 first_window_min_heap_mib)" \
    "$(g R2 first_window_peak_heap_mib) / $(g R2 first_window_min_heap_mib)"
row "  last $WINDOW sessions: peak / min (MiB)" "$(g R1 last_window_peak_heap_mib) / $(g R1 last_window_min_heap_mib)" \
    "$(g R2 last_window_peak_heap_mib) / $(g R2 last_window_min_heap_mib)"
row "peak heap used, GC log: at a pause (MiB)" "$(g R1 gc_peak_heap_mib)" "$(g R2 gc_peak_heap_mib)"
row "  first $WINDOW sessions: peak / max after GC (MiB)" "$(g R1 gc_first_window_peak_mib) / $(g R1 gc_first_window_max_after_mib)" \
    "$(g R2 gc_first_window_peak_mib) / $(g R2 gc_first_window_max_after_mib)"
row "  last $WINDOW sessions: peak / max after GC (MiB)" "$(g R1 gc_last_window_peak_mib) / $(g R1 gc_last_window_max_after_mib)" \
    "$(g R2 gc_last_window_peak_mib) / $(g R2 gc_last_window_max_after_mib)"
row "GC pauses: count / total / longest (ms)" "$(g R1 gc_pauses) / $(g R1 gc_pause_total_ms) / $(g R1 gc_pause_max_ms)" \
    "$(g R2 gc_pauses) / $(g R2 gc_pause_total_ms) / $(g R2 gc_pause_max_ms)"
row "heap after a full GC at the end (MiB)" "$(g R1 heap_after_gc_mib)" "$(g R2 heap_after_gc_mib)"
row "idle heap before / after full GC at start (MiB)" "$(g R1 idle_heap_mib) / $(g R1 idle_heap_gc_mib)" "$(g R2 idle_heap_mib) / $(g R2 idle_heap_gc_mib)"
row "peak live threads (idle)" "$(g R1 peak_live_threads) ($(g R1 idle_threads))" "$(g R2 peak_live_threads) ($(g R2 idle_threads))"
row "429 responses" "$(g R1 http_429)" "$(g R2 http_429)"
row "flags stored / sessions listed" "$(g R1 flags_stored) / $(g R1 history_listed)" "$(g R2 flags_stored) / $(g R2 history_listed)"
row "sessions running when polled: mean (polls)" "$(g R1 mean_running_at_polls) ($(g R1 polls))" "$(g R2 mean_running_at_polls) ($(g R2 polls))"
row "POST /sessions latency p50 / p99 (ms)" "$(ms R1 post_p50_us) / $(ms R1 post_p99_us)" "$(ms R2 post_p50_us) / $(ms R2 post_p99_us)"
row "CPU s: service / driver (of CPUs x wall)" "$(g R1 service_cpu_s) / $(g R1 driver_cpu_s) ($(cap R1))" "$(g R2 service_cpu_s) / $(g R2 driver_cpu_s) ($(cap R2))"
row "service log WARN / ERROR lines" "$(g R1 log_warn) / $(g R1 log_error)" "$(g R2 log_warn) / $(g R2 log_error)"
row "checks failed" "$(g R1 checks_failed)" "$(g R2 checks_failed)"
fi
if [ "$MEM" = 1 ] && has_phase 3; then
    echo
    echo "(iii) $(g R3 mem_sessions) sessions of $MEM_Q questions, $MEM_DELAY ms before each question:"
    echo
    printf '| %-58s | %14s |\n' "" "value"
    printf '| %-58s | %14s |\n' "---" "---:"
    printf '| %-58s | %14s |\n' "heap per running session, full-GC method (KiB)" "$(g R3 per_running_session_kib)"
    printf '| %-58s | %14s |\n' "heap per running session, sampled-min method (KiB)" "$(g R3 sampled_per_running_session_kib)"
    printf '| %-58s | %14s |\n' "heap kept per ended session (history + flag) (KiB)" "$(g R3 per_ended_session_kib)"
    printf '| %-58s | %14s |\n' "threads per running session" "$(g R3 threads_per_running_session)"
    printf '| %-58s | %14s |\n' "native: thread stack committed per thread, NMT (KiB)" "$(g R3 nmt_stack_committed_per_thread_kib)"
    printf '| %-58s | %14s |\n' "native: thread memory per running session, NMT (KiB)" "$(g R3 nmt_thread_committed_per_running_session_kib)"
    printf '| %-58s | %14s |\n' "heap after full GC: warm / running / ended (KiB)" \
        "$(g R3 heap_gc_warm_kib) / $(g R3 heap_gc_running_kib) / $(g R3 heap_gc_ended_kib)"
    printf '| %-58s | %14s |\n' "service log WARN / ERROR lines" "$(g R3 log_warn) / $(g R3 log_error)"
    printf '| %-58s | %14s |\n' "checks failed" "$(g R3 checks_failed)"
fi
echo
echo "logs: $LOGS/"
if [ "$FAILED" -ne 0 ]; then
    echo "RESULT: SOME CHECK FAILED"
    exit 1
fi
echo "RESULT: all checks passed"
