#!/usr/bin/env bash
# GET /flags and POST /sessions under wrk, against one jar: bench/web.sh [JAR] (default target/flagrunner.jar).
# Starts the service on 127.0.0.1:$PORT with -Xmx512m, stores $FLAGS flags through POST /sessions (5-question
# sessions against the embedded server), then runs wrk for $SECONDS s on each operation; stops the service on exit.
# Needs wrk (apt-get install wrk) and python3. Figures: bench/EDGE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-target/flagrunner.jar}"
port="${PORT:-18950}" flags="${FLAGS:-8000}" seconds="${SECONDS_EACH:-15}" connections="${CONNECTIONS:-32}"
mkdir -p bench/target
java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$port" --flagrunner.flags.capacity=10000 \
    --flagrunner.embedded-server.questions.min=5 --flagrunner.embedded-server.questions.max=5 \
    > bench/target/web-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
timeout 120 bash -c "until curl -sf http://127.0.0.1:$port/actuator/health >/dev/null; do sleep 1; done"
python3 - "$port" "$flags" <<'PY'
import concurrent.futures, json, sys, urllib.request
port, n = int(sys.argv[1]), int(sys.argv[2])
def post(i):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/sessions", json.dumps({"studentId": f"fill{i}"}).encode(),
                                 {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["status"]
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    statuses = list(pool.map(post, range(n)))
print(f"stored {statuses.count('FLAG_CAPTURED')} flags of {n} sessions")
PY
bytes=$(curl -s "http://127.0.0.1:$port/flags" | wc -c)
echo "GET /flags answers $bytes bytes"
echo "== GET /flags"; wrk -t2 -c"$connections" -d"${seconds}s" "http://127.0.0.1:$port/flags"
echo "== POST /sessions"; wrk -t2 -c"$connections" -d"${seconds}s" -s bench/post-session.lua "http://127.0.0.1:$port/sessions"
