#!/usr/bin/env bash
# bench/server-ab.sh - two builds of the reference server side by side, with this checkout's client.
#
#   BEFORE=/path/to/other/checkout bench/server-ab.sh      (both checkouts built: ./mvnw -B -DskipTests package)
#
# Starts the `server` of BEFORE and of this checkout (through each one's bin/flagrunner, status dialect, N
# questions) once each; then, ROUNDS times, runs the C ping-pong pair (bench/pingpong.c) and this checkout's
# `client` against each server in turn. Prints per round the C pair's rate, each server's client rate (the
# client's own count) and the server process's CPU time for that session (user + system, and user alone, from
# /proc/<pid>/stat). The first round includes the servers' JIT warm-up. Loopback only; everything it starts
# is killed when it exits. Knobs: N [100000], ROUNDS [5], BEFORE (required).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${BEFORE:?set BEFORE to another built checkout of Flagrunner}"
N=${N:-100000}
ROUNDS=${ROUNDS:-5}
OUT=bench/target
mkdir -p "$OUT/logs"
gcc -O2 -o "$OUT/pingpong" bench/pingpong.c

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
port_before=$((20000 + RANDOM % 10000)); port_after=$((port_before + 1)); port_c=$((port_before + 2))
(cd "$BEFORE" && exec timeout 3600 bin/flagrunner server --dialect status -p "$port_before" --questions "$N") \
    >"$OUT/logs/ab-before.log" 2>&1 &
pids+=($!)
timeout 3600 bin/flagrunner server --dialect status -p "$port_after" --questions "$N" >"$OUT/logs/ab-after.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
    grep -q listening "$OUT/logs/ab-before.log" && grep -q listening "$OUT/logs/ab-after.log" && break
    sleep 0.1
done
java_of() { pgrep -n -P "$1" java || echo "$1"; }   # timeout's child, or the process itself
before_pid=$(java_of "${pids[0]}"); after_pid=$(java_of "${pids[1]}")
ticks() { awk -v f="$2" '{ print (f == "user") ? $14 : $14 + $15 }' "/proc/$1/stat"; }
ms_per_tick=$((1000 / $(getconf CLK_TCK)))

echo "round | C pair q/s | before: q/s (server CPU ms, user ms) | after: q/s (server CPU ms, user ms)"
for round in $(seq 1 "$ROUNDS"); do
    "$OUT/pingpong" server "$port_c" >/dev/null 2>&1 &
    c_server=$!
    sleep 0.2
    c=$("$OUT/pingpong" client "$port_c" "$N" | grep -oE '[0-9]+ exchanges/s' | cut -d' ' -f1)
    wait "$c_server" || true
    line="$round | $c"
    for side in before:$port_before:$before_pid after:$port_after:$after_pid; do
        IFS=: read -r _ port pid <<<"$side"
        all0=$(ticks "$pid" all); user0=$(ticks "$pid" user)
        q=$(timeout 120 bin/flagrunner client --stats --max-questions "$N" -p "$port" 127.0.0.1 001234567 2>&1 \
            | grep -oE '[0-9]+ questions/s' | cut -d' ' -f1 || true)
        all1=$(ticks "$pid" all); user1=$(ticks "$pid" user)
        line="$line | ${q:-failed} ($(((all1 - all0) * ms_per_tick)), $(((user1 - user0) * ms_per_tick)))"
    done
    echo "$line"
done
