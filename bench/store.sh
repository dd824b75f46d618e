#!/usr/bin/env bash
# bench/store.sh - the durable store (flagrunner.store.type: file, the default) against the in-memory one, in the
# same run, interleaved round by round so a busy spell of the machine hits both alike (figures: bench/README.md,
# "The durable store"):
#
#   (i)  bench/concurrency.sh phase (i): N (1000) sessions of Q (100) questions through POST /sessions, at most 200
#        in flight: sessions/s and the p50 / p99 latency of POST /sessions
#   (ii) GET /flags at FLAGS (8000) stored flags (100 a page, the default) under wrk for SECONDS_EACH (10) s with
#        CONNECTIONS (16) connections: pages/s
#
# Knobs (environment): ROUNDS (2), N, Q, FLAGS, SECONDS_EACH, CONNECTIONS, JAVA, BUILD (as concurrency.sh's).
# The file store's data directory is new in each round (bench/target/store/data-*, git-ignored). Needs wrk,
# python3, curl and what bench/concurrency.sh needs. Everything stays on 127.0.0.1; every process started here is
# killed on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ROUNDS=${ROUNDS:-2}
N=${N:-1000}
Q=${Q:-100}
FLAGS=${FLAGS:-8000}
SECONDS_EACH=${SECONDS_EACH:-10}
CONNECTIONS=${CONNECTIONS:-16}
JAVA=${JAVA:-java}
BUILD=${BUILD:-auto}
JAR=target/flagrunner.jar
OUT=bench/target/store
mkdir -p "$OUT"

if [ "$BUILD" = 1 ] || { [ "$BUILD" = auto ] && [ ! -f "$JAR" ]; }; then
    ./mvnw -B -q -DskipTests package
fi

SVC=""
stop() { if [ -n "$SVC" ]; then kill "$SVC" 2>/dev/null || true; wait "$SVC" 2>/dev/null || true; SVC=""; fi; }
trap stop EXIT

# store_opts STORE ROUND: the JVM options that choose the store (a new data directory per round for file)
store_opts() {
    if [ "$1" = memory ]; then
        echo "-Dflagrunner.store.type=memory"
    else
        rm -rf "$OUT/data-$2"
        echo "-Dflagrunner.store.type=file -Dflagrunner.store.path=$OUT/data-$2"
    fi
}

prop() { grep "^$2=" "$1" | cut -d= -f2; }

declare -A R
for round in $(seq 1 "$ROUNDS"); do
    for store in memory file; do
        echo "== round $round, $store: (i) $N sessions x $Q questions" >&2
        N=$N Q=$Q PHASES=1 MEM=0 BUILD=0 SERVICE_OPTS="$(store_opts "$store" "c$round")" \
            bench/concurrency.sh >"$OUT/concurrency-$store-$round.log" 2>&1 ||
            echo "   concurrency.sh reported a failed check (its log: $OUT/concurrency-$store-$round.log)" >&2
        p=bench/target/concurrency/phase1.properties
        [ -s "$p" ] || { echo "concurrency.sh measured nothing: $OUT/concurrency-$store-$round.log" >&2; exit 1; }
        R[$store,$round,sps]=$(prop "$p" sessions_per_s)
        R[$store,$round,p50]=$(awk -v u="$(prop "$p" post_p50_us)" 'BEGIN { printf "%.1f", u / 1000 }')
        R[$store,$round,p99]=$(awk -v u="$(prop "$p" post_p99_us)" 'BEGIN { printf "%.1f", u / 1000 }')

        echo "== round $round, $store: (ii) GET /flags at $FLAGS flags" >&2
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        token=$OUT/token-$store-$round
        rm -f "$token"
        # shellcheck disable=SC2046  # store_opts is a list of words
        timeout 900 "$JAVA" -Xmx512m $(store_opts "$store" "w$round") -jar "$JAR" --server.port="$port" \
            --flagrunner.flags.capacity=10000 --flagrunner.embedded-server.tls=false \
            --flagrunner.embedded-server.questions.min=5 --flagrunner.embedded-server.questions.max=5 \
            --flagrunner.security.token-file="$token" --flagrunner.security.max-sessions-per-token=200 \
            >"$OUT/web-$store-$round.log" 2>&1 &
        SVC=$!
        timeout 120 bash -c "until curl -sf http://127.0.0.1:$port/actuator/health >/dev/null; do sleep 0.5; done"
        python3 - "$port" "$FLAGS" "$(cat "$token")" <<'PY'
import concurrent.futures, json, sys, urllib.request
port, n, token = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def post(i):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/sessions", json.dumps({"studentId": f"fill{i}"}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["status"]
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    statuses = list(pool.map(post, range(n)))
assert statuses.count("FLAG_CAPTURED") == n, statuses[:5]
PY
        R[$store,$round,pages]=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -H "Authorization: Bearer $(cat "$token")" \
            "http://127.0.0.1:$port/flags" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
        stop
    done
done

row() { printf '| %-36s | %14s | %14s | %7s |\n' "$1" "$2" "$3" "$4"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
echo
echo "Flagrunner store benchmark: $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ), $ROUNDS rounds (memory, file interleaved)"
echo
row "" "memory" "file" "file/memory"
row "---" "---:" "---:" "---:"
for round in $(seq 1 "$ROUNDS"); do
    row "round $round: sessions/s ($N x $Q q)" "${R[memory,$round,sps]}" "${R[file,$round,sps]}" \
        "$(ratio "${R[memory,$round,sps]}" "${R[file,$round,sps]}")"
    row "round $round: POST /sessions p50 / p99 (ms)" "${R[memory,$round,p50]} / ${R[memory,$round,p99]}" \
        "${R[file,$round,p50]} / ${R[file,$round,p99]}" "$(ratio "${R[memory,$round,p99]}" "${R[file,$round,p99]}")"
    row "round $round: GET /flags pages/s ($FLAGS flags)" "${R[memory,$round,pages]}" "${R[file,$round,pages]}" \
        "$(ratio "${R[memory,$round,pages]}" "${R[file,$round,pages]}")"
done
