#!/usr/bin/env bash
# bench/run.sh - Flagrunner's physical-limit benchmark (see bench/README.md).
#
#   bench/run.sh            run from anywhere; works relative to the repo root
#
# Rows (one round trip per question, all on 127.0.0.1, N questions each):
#   (a) C ping-pong, two processes (bench/pingpong.c): the floor of this machine
#   (b) Flagrunner client process vs Flagrunner reference server process
#   (c) the same over TLS (-s)
#   (d) naive Python client (bench/naive_client.py) vs bench/toy_status_server.py
# Each row is run RUNS times; the best run is reported.  For every run the
# time is taken around the whole client process (its start-up included), and
# the client's own questions/s is parsed from its output where it reports one.
# Rows (b) and (c) start their server process once and it serves all their runs,
# as a math server serves one client after another; (a) and (d) start theirs per
# run (they serve one connection).  Every client is a fresh process.
#
# Environment knobs (defaults in brackets):
#   N [100000] questions/exchanges per run     RUNS [3] runs per row
#   TIMEOUT [120] s limit for each process      STARTUP [60] s to wait for "listening on"
#   JAR [target/flagrunner.jar]   JAVA [java]   JAVA_OPTS [] extra JVM flags
#   FLAGRUNNER_CLI_JVM_OPTS [bin/flagrunner's: -XX:+UseG1GC -Xmn8m] the client's and server's JVM options
#   FR_TLS_SERVER_ARGS [-s]       FR_TLS_CLIENT_ARGS [-s --insecure]   row (c) flags
#   FR_ID [001234567] the ID the clients say HELLO with
#   PY [the interpreter behind python3] for row (d)
#
# Every process is started under `timeout` and killed on exit (trap EXIT).
# Logs of every run go to bench/target/logs/ (git-ignored).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."   # repo root: target/flagrunner.jar is relative to it

N=${N:-100000}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-120}
STARTUP=${STARTUP:-60}
JAR=${JAR:-target/flagrunner.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
export JAVA JAVA_OPTS FLAGRUNNER_JAR=$JAR   # bin/flagrunner's
FR_TLS_SERVER_ARGS=${FR_TLS_SERVER_ARGS:--s}
FR_TLS_CLIENT_ARGS=${FR_TLS_CLIENT_ARGS:--s --insecure}
FR_ID=${FR_ID:-001234567}
# Resolve the real interpreter once: a launcher shim (pyenv) would add its own
# start-up time (~0.35 s here) to every "whole client process" measurement.
PY=${PY:-$(python3 -c 'import sys; print(sys.executable)')}

OUT=bench/target
LOGS=$OUT/logs
mkdir -p "$LOGS"

# ---------------------------------------------------------------- cleanup ---
SERVER_PID=""
CLIENT_PID=""
kill_tree() {   # kill one process we started (a `timeout` wrapper, which forwards to its child)
    local pid=$1 i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
SERVICE_PID=""
declare -A ROW_SERVER_PID=() ROW_SERVER_PORT=() SERVES_ALL_RUNS=()
stop_row_servers() {
    local key
    for key in "${!ROW_SERVER_PID[@]}"; do kill_tree "${ROW_SERVER_PID[$key]}"; done
    ROW_SERVER_PID=()
}
cleanup() {
    stop_row_servers
    kill_tree "$SERVICE_PID"; SERVICE_PID=""
    kill_tree "$CLIENT_PID"; CLIENT_PID=""
    kill_tree "$SERVER_PID"; SERVER_PID=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- helpers ---
now() { echo "${EPOCHREALTIME/,/.}"; }            # seconds, microsecond resolution (bash 5)
free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
say() { echo "$*" >&2; }

# Results, by row key.  ORDER keeps the rows in the order they were run.
declare -A LABEL WALL SELF NOTE
ORDER=()

# start_server KEY LOG SERVER_FN LIFETIME: starts a row's server, waits for "listening on HOST:PORT" and
# sets SERVER_PID and APORT; returns 2 when it never listened (command not available).
start_server() {
    local key=$1 log=$2 sfn=$3 lifetime=$4 i
    "$sfn" "$(free_port)"
    # Created before the server starts: the background job's redirection may not have run yet when the
    # loop below first reads the file (sed then printed "can't read" on a busy machine).
    : >"$log.server.out"
    timeout -k 5 "$lifetime" "${SERVER[@]}" >"$log.server.out" 2>"$log.server.err" </dev/null &
    SERVER_PID=$!
    APORT=""
    for ((i = 0; i < STARTUP * 20; i++)); do
        APORT=$(sed -n '1s/^listening on .*:\([0-9][0-9]*\)[[:space:]]*$/\1/p' "$log.server.out")
        [ -n "$APORT" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.05
    done
    if [ -z "$APORT" ]; then
        say "   server did not print 'listening on HOST:PORT': $(head -c 300 "$log.server.err" | head -n 2)"
        kill_tree "$SERVER_PID"; SERVER_PID=""
        return 2
    fi
}

# one_run KEY RUN SERVER_FN CLIENT_FN CHECK
# SERVER_FN PORT must set the array SERVER; CLIENT_FN PORT must set the array CLIENT.
# CHECK is "flag" (client stdout must be exactly one non-empty line, the flag)
# or "none".  Sets RUN_WALL and RUN_SELF; returns 0 ok, 2 server never
# listened (command not available), 1 any other failure.
# A row with SERVES_ALL_RUNS[KEY]=1 starts its server once and keeps it for all its runs, as a math server
# serves one client after another (Flagrunner's does; the C and Python ones serve one connection and exit).
one_run() {
    local key=$1 run=$2 sfn=$3 cfn=$4 check=$5
    local log=$LOGS/$key-$run slog aport t0 t1 rc i keep=${SERVES_ALL_RUNS[$key]:-0}
    RUN_WALL="" RUN_SELF=""
    if [ "$keep" = 1 ]; then
        slog=$LOGS/$key
        if [ -z "${ROW_SERVER_PID[$key]:-}" ]; then
            start_server "$key" "$slog" "$sfn" $((TIMEOUT * (RUNS + 1) * 4 + STARTUP)) || return $?
            ROW_SERVER_PID[$key]=$SERVER_PID; ROW_SERVER_PORT[$key]=$APORT; SERVER_PID=""
        fi
        aport=${ROW_SERVER_PORT[$key]}
    else
        slog=$log
        start_server "$key" "$slog" "$sfn" "$TIMEOUT" || return $?
        aport=$APORT
    fi
    "$cfn" "$aport"
    t0=$(now)
    timeout -k 5 "$TIMEOUT" "${CLIENT[@]}" >"$log.client.out" 2>"$log.client.err" </dev/null &
    CLIENT_PID=$!
    rc=0; wait "$CLIENT_PID" || rc=$?
    t1=$(now)
    CLIENT_PID=""
    if [ "$keep" != 1 ]; then
        # Give the server a moment to finish by itself (the C and Python ones exit after one session),
        # then stop it.
        for ((i = 0; i < 30; i++)); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill_tree "$SERVER_PID"; SERVER_PID=""
    fi
    if [ "$rc" -ne 0 ]; then
        if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then say "   client timed out after $TIMEOUT s"; fi
        say "   client exited with $rc: $(head -c 300 "$log.client.err" | head -n 2)"
        return 1
    fi
    if [ "$check" = flag ]; then
        local flag expected
        flag=$(cat "$log.client.out")
        if [ "$(grep -c . "$log.client.out")" -ne 1 ] || [[ "$flag" =~ [[:space:]] ]]; then
            say "   client stdout is not exactly one flag line (see $log.client.out)"
            return 1
        fi
        expected=$(sed -n 's/^flag: //p' "$slog.server.err" | head -n 1)   # the toy server tells
        if [ -n "$expected" ] && [ "$expected" != "$flag" ]; then
            say "   client printed flag $flag, server sent $expected"
            return 1
        fi
    fi
    RUN_WALL=$(awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
    RUN_SELF=$(cat "$log.client.out" "$log.client.err" \
        | grep -oE '[0-9]+(\.[0-9]+)? *(questions|exchanges|q)/s' | tail -n 1 | grep -oE '^[0-9]+(\.[0-9]+)?' || true)
    RUN_SELF=${RUN_SELF:+$(printf '%.0f' "$RUN_SELF")}
    say "   $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') s client process -> ${RUN_WALL}/s;" \
        "client says ${RUN_SELF:-nothing}/s"
    return 0
}

# Rows are declared first and run interleaved: run 1 of every row, then run 2 of every row, and so on.
# A busy minute on a shared machine then hits every row alike instead of one row's three runs, so the
# best-of-RUNS figures are taken under comparable conditions and their ratios mean something.
declare -A SFN CFN CHECK ROUND   # ROUND[key,run]: that run's self figure (or process figure)
# bench_row KEY LABEL SERVER_FN CLIENT_FN CHECK: declares a row.
bench_row() {
    local key=$1
    ORDER+=("$key"); LABEL[$key]=$2; SFN[$key]=$3; CFN[$key]=$4; CHECK[$key]=$5
    WALL[$key]=""; SELF[$key]=""; NOTE[$key]=""
}

server_logs() {   # server_logs KEY RUN: where that run's server wrote its output
    if [ "${SERVES_ALL_RUNS[$1]:-0}" = 1 ]; then echo "$LOGS/$1.server.*"; else echo "$LOGS/$1-$2.server.*"; fi
}

# run_rows: RUNS rounds over the declared rows; keeps the best of each figure per row.
run_rows() {
    local run key rc
    for ((run = 1; run <= RUNS; run++)); do
        for key in "${ORDER[@]}"; do
            [ -z "${NOTE[$key]}" ] || continue   # skipped or failed already
            say "== ${LABEL[$key]} (run $run of $RUNS)"
            rc=0; one_run "$key" "$run" "${SFN[$key]}" "${CFN[$key]}" "${CHECK[$key]}" || rc=$?
            if [ "$rc" -eq 2 ] && [ "$run" -eq 1 ]; then
                NOTE[$key]="skipped (server did not start; logs: $(server_logs "$key" 1))"; continue
            fi
            if [ "$rc" -ne 0 ]; then
                NOTE[$key]="FAILED in run $run (logs: $LOGS/$key-$run.client.*, $(server_logs "$key" "$run"))"; FAILED=1; continue
            fi
            ROUND[$key,$run]=${RUN_SELF:-$RUN_WALL}
            if [ -z "${WALL[$key]}" ] || [ "$RUN_WALL" -gt "${WALL[$key]}" ]; then WALL[$key]=$RUN_WALL; fi
            if [ -n "$RUN_SELF" ] && { [ -z "${SELF[$key]}" ] || [ "$RUN_SELF" -gt "${SELF[$key]}" ]; }; then
                SELF[$key]=$RUN_SELF
            fi
        done
    done
}

skip_row() {   # skip_row KEY LABEL [REASON]
    ORDER+=("$1"); LABEL[$1]=$2; WALL[$1]=""; SELF[$1]=""
    NOTE[$1]=${3:-"skipped (no jar / command not available)"}
    say "== $2: ${NOTE[$1]}"
}

# ------------------------------------------------------------------- rows ---
# Each row = a server function and a client function that fill SERVER / CLIENT
# for a port, plus one bench_row line below.  Servers must print
# "listening on HOST:PORT" as their first stdout line; clients connect to PORT.

# (a) raw C ping-pong: the physical limit of one round trip per question here.
server_a() { SERVER=("$OUT/pingpong" server "$1"); }
client_a() { CLIENT=("$OUT/pingpong" client "$1" "$N"); }

# (b) Flagrunner's client process against Flagrunner's reference server process, both started as a user
# starts them: through bin/flagrunner, which gives the command line tools their JVM options.
server_b() { SERVER=(bin/flagrunner server --dialect status -p "$1" --questions "$N"); }
client_b() { CLIENT=(bin/flagrunner client --stats --max-questions "$N" -p "$1" 127.0.0.1 "$FR_ID"); }

# (c) the same over TLS.
# shellcheck disable=SC2086  # the FR_TLS_*_ARGS are lists of words
server_c() { SERVER=(bin/flagrunner server --dialect status $FR_TLS_SERVER_ARGS -p "$1" --questions "$N"); }
# shellcheck disable=SC2086
client_c() { CLIENT=(bin/flagrunner client --stats --max-questions "$N" $FR_TLS_CLIENT_ARGS -p "$1" 127.0.0.1 "$FR_ID"); }

# (d) the "typical good student" Python client against the toy server.
server_d() { SERVER=("$PY" bench/toy_status_server.py -p "$1" --questions "$N" --timeout "$TIMEOUT"); }
client_d() { CLIENT=("$PY" bench/naive_client.py -p "$1" 127.0.0.1 "$FR_ID"); }

# Does the jar's `server` command exist?  (Today's CLI answers "command
# 'server' is not available yet" with exit code 2.)  A server that exists but
# never prints "listening on" is caught by one_run too and also skipped.
server_command_exists() {
    command -v "$JAVA" >/dev/null 2>&1 || return 1
    local out rc=0
    # shellcheck disable=SC2086
    out=$(timeout -k 5 60 "$JAVA" $JAVA_OPTS -jar "$JAR" server --help 2>&1 </dev/null) || rc=$?
    ! grep -qiE "not available|unknown command|no such command" <<<"$out" && [ "$rc" -ne 124 ]
}

# ----------------------------------------------------------------- header ---
cpu=$(grep -m1 -E '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
echo "Flagrunner physical-limit benchmark  $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine: nproc=$(nproc), cpu=${cpu:-unknown}, kernel=$(uname -srm)"
echo "jvm:     client and server through bin/flagrunner: ${FLAGRUNNER_CLI_JVM_OPTS--XX:+UseG1GC -Xmn8m (its default)} ${JAVA_OPTS}"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)   N=$N per run, best of $RUNS"
echo "tools:   $(gcc --version | head -n 1); $("$PY" --version 2>&1)$(command -v "$JAVA" >/dev/null 2>&1 && echo "; $("$JAVA" -version 2>&1 | head -n 1)")"
echo

gcc -O2 -Wall -o "$OUT/pingpong" bench/pingpong.c

FAILED=0
bench_row a "(a) C ping-pong, 2 processes" server_a client_a none
if [ -f "$JAR" ] && server_command_exists; then
    bench_row b "(b) Flagrunner client vs server" server_b client_b flag
    bench_row c "(c) Flagrunner client vs server, TLS" server_c client_c flag
    SERVES_ALL_RUNS[b]=1; SERVES_ALL_RUNS[c]=1
else
    skip_row b "(b) Flagrunner client vs server"
    skip_row c "(c) Flagrunner client vs server, TLS"
fi
bench_row d "(d) naive Python client vs toy server" server_d client_d flag
run_rows
stop_row_servers

# ------------------------------------------------------------------ table ---
ratio() {   # ratio VALUE BASE -> VALUE/BASE with 3 decimals, or -
    if [ -n "$1" ] && [ -n "$2" ]; then awk -v x="$1" -v y="$2" 'BEGIN { printf "%.3f", x / y }'; else echo -; fi
}
echo
echo "whole client process (start-up included) and the client's own figure; best of $RUNS; ratio = row / (a)"
printf '%-40s %14s %8s %14s %8s\n' "row" "q/s process" "ratio" "q/s self" "ratio"
for key in "${ORDER[@]}"; do
    if [ -n "${NOTE[$key]}" ]; then
        printf '%-40s %s\n' "${LABEL[$key]}" "${NOTE[$key]}"
    else
        printf '%-40s %14s %8s %14s %8s\n' "${LABEL[$key]}" "${WALL[$key]}" "$(ratio "${WALL[$key]}" "${WALL[a]}")" \
            "${SELF[$key]:--}" "$(ratio "${SELF[$key]}" "${SELF[a]}")"
    fi
done

# Per round: each row's run next to (a)'s run of the same round, minutes apart at most. The C pair swings
# by up to 50 % between rounds on a shared machine, so these paired ratios and their median say more than
# the ratio of two best-ofs taken in different rounds.
echo
echo "paired ratios, self figure (process figure where a client says nothing) / (a) of the same round"
for key in "${ORDER[@]}"; do
    [ "$key" != a ] && [ -z "${NOTE[$key]}" ] && [ -z "${NOTE[a]}" ] || continue
    pairs=()
    for ((run = 1; run <= RUNS; run++)); do
        [ -n "${ROUND[$key,$run]:-}" ] && [ -n "${ROUND[a,$run]:-}" ] || continue
        pairs+=("$(ratio "${ROUND[$key,$run]}" "${ROUND[a,$run]}")")
    done
    [ "${#pairs[@]}" -gt 0 ] || continue
    median=$(printf '%s\n' "${pairs[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
    printf '%-40s %s   median %s\n' "${LABEL[$key]}" "${pairs[*]}" "$median"
done

# ---------------------------------------------------- the service, warm ---
# Not a row of the issue's table: the service is a long-running JVM, so its JIT is warm after a few
# sessions, which a fresh `client` process never is. Both ends (session thread and embedded server)
# run in that one JVM. SERVICE=0 skips this part.
service_session() {   # service_session PORT TLS -> prints "questions durationMillis" of one session
    curl -s -H "Authorization: Bearer $(cat "$LOGS/service-token")" -X POST "localhost:$1/sessions" -H 'Content-Type: application/json' \
        -d "{\"studentId\":\"$FR_ID\",\"tls\":$2}" \
        | "$PY" -c 'import sys, json; d = json.load(sys.stdin); assert d["status"] == "FLAG_CAPTURED", d; print(d["questionsAnswered"], d["durationMillis"])'
}
warm_up() {   # warm_up PORT: WARMUP sessions per transport; fails at the first session that fails
    local i
    for ((i = 0; i < WARMUP; i++)); do
        service_session "$1" false >/dev/null && service_session "$1" true >/dev/null || return 1
    done
}
if [ "${SERVICE:-1}" != 0 ] && [ -f "$JAR" ] && command -v curl >/dev/null 2>&1; then
    WARMUP=${WARMUP:-2}
    sport=$(free_port)
    say "== the service, warm: $WARMUP warm-up sessions per transport, then $RUNS measured ones"
    # shellcheck disable=SC2086
    timeout -k 5 $((TIMEOUT * (RUNS + WARMUP) * 2 + STARTUP)) bin/flagrunner --server.port="$sport" \
        --flagrunner.embedded-server.questions.min="$N" --flagrunner.embedded-server.questions.max="$N" \
        --flagrunner.session.max-questions="$N" \
        --flagrunner.session.wait="${TIMEOUT}s" --flagrunner.security.token-file="$LOGS/service-token" \
        >"$LOGS/service.out" 2>&1 </dev/null &
    SERVICE_PID=$!
    for ((i = 0; i < STARTUP * 10; i++)); do
        curl -sf "localhost:$sport/actuator/health" >/dev/null 2>&1 && break
        kill -0 "$SERVICE_PID" 2>/dev/null || break
        sleep 0.1
    done
    declare -A BEST=([false]="" [true]="")
    if warm_up "$sport"; then
        for ((run = 1; run <= RUNS; run++)); do
            for tls in false true; do
                read -r q ms < <(service_session "$sport" "$tls") || { FAILED=1; break 2; }
                rate=$(awk -v q="$q" -v ms="$ms" 'BEGIN { printf "%.0f", q * 1000 / ms }')
                say "   tls=$tls: $q questions in $ms ms -> $rate/s"
                if [ -z "${BEST[$tls]}" ] || [ "$rate" -gt "${BEST[$tls]}" ]; then BEST[$tls]=$rate; fi
            done
        done
        echo
        echo "the service, warm (POST /sessions against its embedded server, session duration; best of $RUNS)"
        printf '%-40s %14s %8s\n' "(e) service, plain" "${BEST[false]:-FAILED}" "$(ratio "${BEST[false]}" "${SELF[a]}")"
        printf '%-40s %14s %8s\n' "(f) service, TLS" "${BEST[true]:-FAILED}" "$(ratio "${BEST[true]}" "${SELF[a]}")"
    else
        say "   the service's warm-up sessions failed (log: $LOGS/service.out)"; FAILED=1
    fi
    kill_tree "$SERVICE_PID"; SERVICE_PID=""
fi
exit "$FAILED"
