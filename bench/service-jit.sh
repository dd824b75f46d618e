#!/usr/bin/env bash
# bench/service-jit.sh - the service's sessions under C1 alone (-XX:TieredStopAtLevel=1, what bin/flagrunner
# gives the service) and under the JVM's tiered compilation, warming up (docs/startup.md §3).
#
#   bench/service-jit.sh           both modes, plain then TLS: about 12 minutes on 2 vCPUs
#   MODES=c1 TRANSPORTS=tls RUNS=1 N=1000 bench/service-jit.sh
#
# For each transport and mode: one service (the fast-start layout as bin/flagrunner runs it, with that mode's
# JIT, -Xmx512m, a new data directory, max-concurrent 200, room for every run's flags, embedded questions Q), then RUNS driver runs of N
# sessions one after the other against that same service: the first run shows the JIT warming up, the later
# ones the rate once it has. The driver is bench/concurrency.sh's (compiled the same way); each run's line is
# its own figure: wall time, sessions/s and the service's CPU seconds. Everything stays on 127.0.0.1; the
# service is stopped when the script ends however it ends.
#
# Knobs: MODES ("c1 tiered") TRANSPORTS ("plain tls") RUNS (3) N (5000) Q (100) JAVA JAVAC.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

MODES=${MODES:-c1 tiered}
TRANSPORTS=${TRANSPORTS:-plain tls}
RUNS=${RUNS:-3}
N=${N:-5000}
Q=${Q:-100}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-javac}
OUT=bench/target/service-jit
CLASSES=$OUT/classes
FAST=target/flagrunner
mkdir -p "$OUT"

[ -f "$FAST/flagrunner.jar" ] && [ -f "$FAST/service.jsa" ] \
    || { echo "service-jit.sh: no $FAST/: build it with ./mvnw -B -q -DskipTests package" >&2; exit 2; }
DRIVER_OPTS="-Xmx256m -XX:+UseSerialGC"
# shellcheck source=bench/driver.sh
. bench/driver.sh
build_driver "$CLASSES"

svc=""
stop() {
    [ -n "$svc" ] || return 0
    kill "$svc" 2>/dev/null || true
    wait "$svc" 2>/dev/null || true
    svc=""
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "bench/service-jit.sh: $(date -u '+%F %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs of $N x $Q per service"
for transport in $TRANSPORTS; do
    tls=false
    [ "$transport" = tls ] && tls=true
    for mode in $MODES; do
        case $mode in
            c1) jit=-XX:TieredStopAtLevel=1 ;;
            tiered) jit=-XX:TieredStopAtLevel=4 ;;
            *) echo "service-jit.sh: MODES holds c1 or tiered, not '$mode'" >&2; exit 2 ;;
        esac
        dir=$OUT/$transport-$mode
        rm -rf "$dir" && mkdir -p "$dir"
        port=$(driver freeport)
        timeout 3600 "$JAVA" -Xmx512m -XX:+ExitOnOutOfMemoryError "$jit" -XX:SharedArchiveFile="$FAST/service.jsa" \
            -Dflagrunner.store.path="$dir/data" -jar "$FAST/flagrunner.jar" \
            --server.address=127.0.0.1 --server.port="$port" --flagrunner.embedded-server.tls="$tls" \
            --flagrunner.session.max-concurrent=200 --flagrunner.security.token-file="$dir/token" \
            --flagrunner.security.max-sessions-per-token=200 --flagrunner.flags.capacity=$((N * RUNS)) \
            --flagrunner.embedded-server.questions.min="$Q" --flagrunner.embedded-server.questions.max="$Q" \
            >"$dir/service.log" 2>&1 </dev/null &
        svc=$!
        until curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
            kill -0 "$svc" 2>/dev/null || { echo "service-jit.sh: the service did not start: $dir/service.log" >&2; exit 2; }
            sleep 0.2
        done
        jpid=$(pgrep -P "$svc" -x java)
        for ((run = 1; run <= RUNS; run++)); do
            prefix=$(printf 'r%d' "$run")
            driver run --base "http://127.0.0.1:$port" --token-file "$dir/token" --pid "$jpid" --n "$N" --questions "$Q" \
                --prefix "$prefix" --first 1 --max-in-flight 200 --tls "$tls" --flags-capacity $((N * RUNS)) \
                --out "$dir/run$run.properties" >"$dir/run$run.log" 2>&1 \
                || echo "   (run $run reported a failed check: $dir/run$run.log)"
            printf '%-6s %-7s run %d: %s | %s\n' "$transport" "$mode" "$run" \
                "$(grep -oE 'wall [0-9.]+ s \| [0-9.]+ sessions/s' "$dir/run$run.log" | head -1)" \
                "$(grep -oE 'service [0-9.]+ s' "$dir/run$run.log" | head -1) CPU"
        done
        stop
    done
done
