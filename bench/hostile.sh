#!/usr/bin/env bash
# The service against a hostile eval server: bench/hostile.sh [JAR] [SESSIONS] [SECONDS] (default
# target/flagrunner.jar, 200, 60); MODE=quiet DIALECT=status|eval2021 for an honest slow server instead, to weigh a
# running session. Starts bench/hostile_eval_server.py (MODE huge: a 1 MiB question after every answer) and
# the jar with -Xmx512m -XX:+ExitOnOutOfMemoryError, the server's endpoint allowed and one token that may run every
# session; starts SESSIONS sessions against it at once (Prefer: respond-async), then samples the service's heap in
# use (jcmd GC.heap_info, no GC forced), its RSS and whether it is alive every second for SECONDS s, and prints the
# sessions' states by reason; halfway through it takes the live heap (jcmd GC.class_histogram, a full GC), which
# less the same figure before any session (printed first) is what the running sessions hold. Loopback only;
# stops both processes on exit. Figures: bench/EDGE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-target/flagrunner.jar}" sessions="${2:-200}" seconds="${3:-60}"
port="${PORT:-18960}" hostile_port="${HOSTILE_PORT:-18961}" mode="${MODE:-huge}" dialect="${DIALECT:-eval2021}"
mkdir -p bench/target
rm -f bench/target/hostile-token
python3 bench/hostile_eval_server.py "$hostile_port" "$mode" "$dialect" 2> bench/target/hostile-server.log &
hostile=$!
java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$port" \
    --flagrunner.allowed-endpoints=127.0.0.1:"$hostile_port" \
    --flagrunner.session.max-duration=10m --flagrunner.session.read-timeout=60s \
    --flagrunner.security.max-sessions-per-token="$sessions" \
    --flagrunner.security.token-file=bench/target/hostile-token > bench/target/hostile-service.log 2>&1 &
service=$!
trap 'kill $service $hostile 2>/dev/null || true' EXIT
timeout 120 bash -c "until curl -sf http://127.0.0.1:$port/actuator/health >/dev/null; do sleep 1; done"
token=$(cat bench/target/hostile-token)
python3 - "$port" "$hostile_port" "$sessions" "$seconds" "$service" "$token" "$dialect" <<'PY'
import concurrent.futures, json, os, re, subprocess, sys, time, urllib.request
port, hostile_port, n, seconds, pid, token, dialect = sys.argv[1:]
n, seconds = int(n), int(seconds)
auth = {"Authorization": "Bearer " + token}

def post(i):
    body = {"studentId": f"h{i}", "host": "127.0.0.1", "port": int(hostile_port), "dialect": dialect}
    req = urllib.request.Request(f"http://127.0.0.1:{port}/sessions", json.dumps(body).encode(),
                                 {"Content-Type": "application/json", "Prefer": "respond-async", **auth})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status

def heap_mb():
    out = subprocess.run(["jcmd", pid, "GC.heap_info"], capture_output=True, text=True, timeout=30).stdout
    m = re.search(r"total (\d+)K, used (\d+)K", out)
    return (int(m.group(2)) // 1024, int(m.group(1)) // 1024) if m else (None, None)

def rss_mb():
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) // 1024

def live_heap_kib():
    # The class histogram is taken in the pause of a full GC: its total is the live heap at that moment (heap_info
    # after GC.run would add what the sessions allocated in between, at up to a gigabyte a second here).
    out = subprocess.run(["jcmd", pid, "GC.class_histogram"], capture_output=True, text=True, timeout=120).stdout
    return int(re.search(r"Total\s+\d+\s+(\d+)", out).group(1)) // 1024

# One session against the embedded server first, so that the classes a session loads are in the baseline.
warm = urllib.request.Request(f"http://127.0.0.1:{port}/sessions", json.dumps({"studentId": "warm"}).encode(),
                              {"Content-Type": "application/json", **auth})
with urllib.request.urlopen(warm, timeout=60) as r:
    print(f"warm-up session: {json.load(r)['status']}")
baseline = live_heap_kib()
print(f"live heap before the sessions: {baseline} KiB")
def post_or_none(i):
    try:
        return post(i)
    except OSError:
        return None

t0 = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(32) as pool:
    started = list(pool.map(post_or_none, range(n)))
print(f"started {started.count(202) + started.count(201)} of {n} sessions in {time.monotonic() - t0:.1f} s")
most_heap = most_rss = 0
live_taken = False
next_print = 0
while (elapsed := time.monotonic() - t0) < seconds:
    if not os.path.exists(f"/proc/{pid}"):
        print(f"the service exited {elapsed:.1f} s after the first session started")
        break
    used, committed = heap_mb()
    rss = rss_mb()
    most_heap, most_rss = max(most_heap, used or 0), max(most_rss, rss)
    if elapsed >= next_print:
        print(f"{elapsed:5.1f} s: heap used {used} MB of {committed} MB committed, RSS {rss} MB", flush=True)
        next_print += 10
    if not live_taken and elapsed >= seconds / 2:
        live_taken = True
        live = live_heap_kib()
        print(f"{elapsed:5.1f} s: live heap after a full GC {live} KiB: {live - baseline} KiB more than before,"
              f" {(live - baseline) / n:.1f} KiB a session", flush=True)
    time.sleep(1)
print(f"most seen: heap used {most_heap} MB, RSS {most_rss} MB")
if os.path.exists(f"/proc/{pid}"):
    reasons, url = {}, f"http://127.0.0.1:{port}/sessions?limit=1000"
    with urllib.request.urlopen(urllib.request.Request(url, headers=auth), timeout=60) as r:
        for s in json.load(r):
            key = s["status"] + ("" if not s.get("failure") else " " + s["failure"]["reason"])
            reasons[key] = reasons.get(key, 0) + 1
    print(f"sessions: {reasons}")
PY
tail -1 bench/target/hostile-server.log || true
echo "OutOfMemoryError in the service's log: $(grep -c OutOfMemoryError bench/target/hostile-service.log || true)"
