#!/usr/bin/env bash
# bench/mathserver.sh - the reference math server under attack, before and after (bench/MATHSERVER.md).
#
#   JAR_BEFORE=/path/to/main's/flagrunner.jar bench/mathserver.sh      run it under the heavy lock:
#   flock /tmp/flagrunner-heavy.lock bench/mathserver.sh
#
# For each jar (JAR_BEFORE if given, then JAR [target/flagrunner.jar], then JAR with the caps raised), starts the
# service (-Xmx512m -XX:+ExitOnOutOfMemoryError, open mode, loopback, 1,000 questions a session) and measures its
# threads, RSS and live heap (after a full GC) and an honest session's time (POST /sessions, the service's own
# client against its embedded server): idle, while bench/hold.py holds HELD [8000] connections spread over its
# twelve listeners, and while BOMBS [600] connections each send 1 MiB without a newline to the eval listeners.
# Then 1,000 honest concurrent clients (bench/honest_clients.py, from 20 loopback addresses) against the
# stand-alone `server` command with its default caps. Everything is on 127.0.0.1; every process runs under
# `timeout` and is killed on exit. The script raises the soft open-files limit to the hard one (ulimit -n): 8,000
# held connections need 8,000 descriptors on each side.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAR=${JAR:-target/flagrunner.jar}
JAR_BEFORE=${JAR_BEFORE:-}
HELD=${HELD:-8000}
BOMBS=${BOMBS:-600}
CLIENTS=${CLIENTS:-1000}
JAVA=${JAVA:-java}
LOGS=bench/target/mathserver
mkdir -p "$LOGS" "$LOGS/cwd"
ulimit -n "$(ulimit -Hn)"
echo "open files limit: $(ulimit -n)" >&2

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

measure() {   # measure PID: threads rss_mb live_heap_mb
    local pid=$1 threads rss heap
    threads=$(awk '/^Threads:/{print $2}' "/proc/$pid/status")
    rss=$(awk '/^VmRSS:/{printf "%d", $2/1024}' "/proc/$pid/status")
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1)
    echo "$threads $rss $(( ${heap:-0} / 1024 ))"
}

capture() {   # capture PORT: seconds for one honest session over plain TCP, or "failed"
    local out
    out=$(timeout 120 curl -s -o "$LOGS/capture.json" -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
        -d '{"studentId":"001234567"}' "http://127.0.0.1:$1/sessions" || echo failed)
    if grep -q '"FLAG_CAPTURED"' "$LOGS/capture.json" 2>/dev/null; then echo "$out"; else echo "failed"; fi
    rm -f "$LOGS/capture.json"
}

health() {   # health PORT: seconds for GET /actuator/health, or "failed"
    local t
    t=$(timeout 30 curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$1/actuator/health") || t=failed
    echo "$t"
}

row() { printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@"; }

run_service() {   # run_service LABEL JAR [extra Spring arguments...]
    local label=$1 jar=$2; shift 2
    local port pid ports eval_ports holder out i alive slug=${label//[^a-z]/_}
    port=$(free_port)
    # From an empty directory: a ./application.yml of this checkout would name keys an older jar does not know.
    mkdir -p "$LOGS/cwd"
    (cd "$LOGS/cwd" && exec timeout 900 "$JAVA" -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$(realpath "$jar")" --server.port="$port" \
        --flagrunner.security.enabled=false --flagrunner.embedded-server.questions.min=1000 \
        --flagrunner.embedded-server.questions.max=1000 "$@") >"$LOGS/$slug.out" 2>&1 &
    pid=$!; PIDS+=("$pid")
    for ((i = 0; i < 600; i++)); do
        curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health" && break
        sleep 0.1
    done
    local jpid p; jpid=""
    for p in $(pgrep -f -- "--server.port=$port"); do [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ] && jpid=$p; done
    if ! curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health"; then
        row "$label" "did not start (see $LOGS/$slug.out)" "" "" "" "" ""
        kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
        return 0
    fi
    ports=$(curl -s "http://127.0.0.1:$port/mathserver/listeners" | python3 -c \
        'import json,sys; print(",".join(str(l["port"]) for l in json.load(sys.stdin)))')
    eval_ports=$(curl -s "http://127.0.0.1:$port/mathserver/listeners" | python3 -c \
        'import json,sys; print(",".join(str(l["port"]) for l in json.load(sys.stdin) if l["dialect"].startswith("eval")))')
    capture "$port" >/dev/null   # a warm-up session
    read -r t r h <<<"$(measure "$jpid")"
    row "$label" "idle" "$t" "$r" "$h" "$(capture "$port")" "$(health "$port")"

    # Held for 20 s (inside the 30 s idle timeout): "kept" is how many the server had not closed by then.
    python3 bench/hold.py --ports "$ports" --count "$HELD" --hold 20 >"$LOGS/$slug.held" 2>&1 &
    holder=$!; PIDS+=("$holder")
    for ((i = 0; i < 600; i++)); do grep -q opened "$LOGS/$slug.held" && break; sleep 0.1; done
    if kill -0 "$jpid" 2>/dev/null; then
        read -r t r h <<<"$(measure "$jpid")"
        c=$(capture "$port"); hl=$(health "$port")
        wait "$holder" 2>/dev/null || true
        row "$label" "$HELD held, kept $(sed -n 's/^open //p' "$LOGS/$slug.held")" "$t" "$r" "$h" "$c" "$hl"
    else
        row "$label" "$HELD held" "exited" "" "" "" ""
    fi
    kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true

    if kill -0 "$jpid" 2>/dev/null; then
        python3 bench/hold.py --ports "$eval_ports" --count "$BOMBS" --send 1048576 --hold 30 >"$LOGS/$slug.bomb" 2>&1 &
        holder=$!; PIDS+=("$holder")
        for ((i = 0; i < 600; i++)); do grep -q opened "$LOGS/$slug.bomb" && break; sleep 0.1; done
        alive=yes; kill -0 "$jpid" 2>/dev/null || alive=no
        if [ "$alive" = yes ]; then
            read -r t r h <<<"$(measure "$jpid")"
            row "$label" "$BOMBS × 1 MiB bomb" "$t" "$r" "$h" "$(capture "$port")" "$(health "$port")"
        else
            row "$label" "$BOMBS × 1 MiB bomb" "exited ($(grep -m1 -o 'OutOfMemoryError[^,]*' "$LOGS/$slug.out" || echo '?'))" "" "" "" ""
        fi
        kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true
    fi
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

if [ "${PART:-all}" != clients ]; then
echo "| jar | attack | threads | RSS MB | live heap MB | honest session s | health s |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
[ -n "$JAR_BEFORE" ] && run_service before "$JAR_BEFORE"
run_service after "$JAR"
run_service "after, caps raised" "$JAR" --flagrunner.embedded-server.max-connections=8000 \
    --flagrunner.embedded-server.max-connections-per-address=8000
fi

# 1,000 honest clients at once against the stand-alone server at its default caps (1,024; 64 per address).
port=$(free_port)
(cd "$LOGS/cwd" && exec timeout 600 "$JAVA" -jar "$(realpath "$JAR")" server --dialect status -p "$port" --questions 100) \
    >"$LOGS/server.out" 2>"$LOGS/server.err" &
PIDS+=("$!")
for ((i = 0; i < 600; i++)); do grep -q listening "$LOGS/server.out" 2>/dev/null && break; sleep 0.1; done
echo
echo "stand-alone server, $CLIENTS honest clients at once from 20 addresses: $(timeout 300 python3 bench/honest_clients.py "$port" "$CLIENTS" --sources 20)"
