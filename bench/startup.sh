#!/usr/bin/env bash
# bench/startup.sh - how long Flagrunner takes to start, next to the floors it is measured against (bench/README.md
# "Start-up", docs/startup.md).
#
#   bench/startup.sh            from anywhere; needs target/flagrunner.jar (./mvnw -B -q -DskipTests package)
#
# Rows, each started as a user starts it, each a fresh process, the time taken from fork to its end (or, for a
# service, to its first 200 UP from /actuator/health), all on 127.0.0.1:
#   hello      a Java hello world (java -cp DIR Hello): the JVM's own floor on this machine
#   version    bin/flagrunner --version
#   client     bin/flagrunner client: one 600-question status session against the C server of bench/pingpong.c
#              (`pingpong status PORT 600`, a server whose questions cost it nothing)
#   client-c1  the same with C1 alone (FLAGRUNNER_CLI_JVM_OPTS="-XX:+UseG1GC -Xmn8m -XX:TieredStopAtLevel=1"):
#              the JIT choice for a short session (docs/startup.md: C1 alone costs a long session)
#   python     bench/naive_client.py, the same session against the same server: a student's own script
#   jar-*      the same two through `java -jar target/flagrunner.jar` (the nested-jar launcher, no archive),
#              as bin/flagrunner ran them before the fast start
#   service    bin/flagrunner (README's run command) in an empty working directory, on a free port
#   boot       a minimal Spring Boot 4.0.7 app as start.spring.io makes it (webmvc, actuator,
#              micrometer-registry-prometheus, nothing else), built by this script into bench/target/startup/,
#              started with java -jar as it ships
# The rows run in rounds, one of each per round in the order above, so that a change in the machine's load
# meets every row alike; the table gives each row's median over the rounds, its CPU time (user + system,
# median; less sensitive to other processes than the wall time, not taken for the services) and its ratio to
# hello (the service's to boot).
#
# Environment knobs (defaults in brackets):
#   RUNS [5] rounds        QUESTIONS [600] questions of the client session      TIMEOUT [120] s per process
#   JAR [target/flagrunner.jar]   JAVA [java]   PY [the interpreter behind python3]
#   ROWS [hello version client client-c1 python jar-version jar-client service boot] the rows, in this order
# Every process runs under `timeout` and is killed when the script exits. Logs: bench/target/startup/logs/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

RUNS=${RUNS:-5}
QUESTIONS=${QUESTIONS:-600}
TIMEOUT=${TIMEOUT:-120}
JAR=${JAR:-target/flagrunner.jar}
JAVA=${JAVA:-java}
PY=${PY:-$(python3 -c 'import sys; print(sys.executable)')}
ROWS=${ROWS:-hello version client client-c1 python jar-version jar-client service boot}
export JAVA FLAGRUNNER_JAR=$root/$JAR
unset JAVA_OPTS FLAGRUNNER_CLI_JVM_OPTS

OUT=$root/bench/target/startup
LOGS=$OUT/logs
mkdir -p "$LOGS"
[ -f "$JAR" ] || { echo "startup.sh: no $JAR: build it with ./mvnw -B -q -DskipTests package" >&2; exit 1; }

pids=()
cleanup() {
    local pid
    for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null || true; done
    for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ what runs ---
gcc -O2 -Wall -o "$OUT/pingpong" bench/pingpong.c
mkdir -p "$OUT/hello"
printf 'public class Hello {\n    public static void main(String[] args) {\n        System.out.println("hello");\n    }\n}\n' \
    >"$OUT/hello/Hello.java"
javac -d "$OUT/hello" "$OUT/hello/Hello.java"

boot=$OUT/minimal-boot
build_minimal_boot() {
    mkdir -p "$boot/src/main/java/com/example/demo" "$boot/src/main/resources"
    cat >"$boot/pom.xml.new" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>4.0.7</version>
    <relativePath/>
  </parent>
  <groupId>com.example</groupId>
  <artifactId>demo</artifactId>
  <version>0.0.1-SNAPSHOT</version>
  <properties>
    <java.version>17</java.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-webmvc</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-actuator</artifactId>
    </dependency>
    <dependency>
      <groupId>io.micrometer</groupId>
      <artifactId>micrometer-registry-prometheus</artifactId>
      <scope>runtime</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
EOF
    if [ -f "$boot/target/demo-0.0.1-SNAPSHOT.jar" ] && cmp -s "$boot/pom.xml.new" "$boot/pom.xml"; then
        rm "$boot/pom.xml.new"
        return 0
    fi
    mv "$boot/pom.xml.new" "$boot/pom.xml"
    cat >"$boot/src/main/java/com/example/demo/DemoApplication.java" <<'EOF'
package com.example.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
EOF
    printf 'spring.application.name=demo\n' >"$boot/src/main/resources/application.properties"
    echo "building the minimal Boot app in $boot"
    ./mvnw -B -q -f "$boot/pom.xml" -DskipTests package >"$LOGS/minimal-boot-build.log" 2>&1 \
        || { cat "$LOGS/minimal-boot-build.log" >&2; exit 1; }
}
case " $ROWS " in *" boot "*) build_minimal_boot ;; esac

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------- measuring ---
declare -A WALL=() CPU=()
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# timed ROW CMD...: runs one process to its end; its wall and CPU time go to the row
timed() {
    local row=$1 start end
    shift
    start=$(now_ms)
    if ! timeout "$TIMEOUT" /usr/bin/time -o "$LOGS/$row.time" -f '%U %S' "$@" >"$LOGS/$row.out" 2>"$LOGS/$row.err"; then
        echo "startup.sh: row $row failed; its output is in $LOGS/$row.{out,err}" >&2
        cat "$LOGS/$row.err" >&2
        exit 1
    fi
    end=$(now_ms)
    WALL[$row]+=" $((end - start))"
    CPU[$row]+=" $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$LOGS/$row.time")"
}

# against_c_server ROW CMD... PORT-LAST-ARGS: a fresh `pingpong status` for the session; the command's
# arguments may hold PORT, replaced by the server's port
against_c_server() {
    local row=$1 port args=() arg
    shift
    rm -f "$LOGS/pingpong.out" # the last run's "listening on" must not be read for this one's
    "$OUT/pingpong" status 0 "$QUESTIONS" >"$LOGS/pingpong.out.new" 2>"$LOGS/pingpong.err" &
    pids+=($!)
    for _ in $(seq 500); do grep -q '^listening on' "$LOGS/pingpong.out.new" 2>/dev/null && break; sleep 0.01; done
    mv "$LOGS/pingpong.out.new" "$LOGS/pingpong.out"
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$LOGS/pingpong.out")
    [ -n "$port" ] || { echo "startup.sh: the C server did not start" >&2; exit 1; }
    for arg in "$@"; do args+=("${arg/#PORT/$port}"); done
    timed "$row" "${args[@]}"
    wait "${pids[-1]}" || { echo "startup.sh: the C server saw a wrong session (row $row)" >&2; exit 1; }
    grep -qx '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' "$LOGS/$row.out" \
        || { echo "startup.sh: row $row printed no flag" >&2; exit 1; }
}

# until_healthy ROW DIR CMD...: starts a service in DIR and takes the time to its first 200 UP on
# /actuator/health; then stops it. The command's arguments may hold PORT.
until_healthy() {
    local row=$1 dir=$2 port start end args=() arg pid
    shift 2
    port=$(free_port)
    for arg in "$@"; do args+=("${arg//PORT/$port}"); done
    rm -rf "$dir" && mkdir -p "$dir"
    start=$(now_ms)
    (cd "$dir" && exec timeout "$TIMEOUT" "${args[@]}") >"$LOGS/$row.out" 2>&1 &
    pid=$!
    pids+=("$pid")
    if ! "$PY" - "$port" "$TIMEOUT" "$pid" <<'EOF'; then
import os, sys, time, urllib.request
port, limit, pid = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=1) as r:
            if r.status == 200 and b'"UP"' in r.read():
                sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(1)
    time.sleep(0.005)
sys.exit(1)
EOF
        echo "startup.sh: row $row never answered UP; its log is $LOGS/$row.out" >&2
        tail -n 30 "$LOGS/$row.out" >&2
        exit 1
    fi
    end=$(now_ms)
    WALL[$row]+=" $((end - start))"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

run_row() {
    case $1 in
        hello) timed hello "$JAVA" -cp "$OUT/hello" Hello ;;
        version) timed version bin/flagrunner --version ;;
        client) against_c_server client bin/flagrunner client -p PORT 127.0.0.1 001234567 ;;
        client-c1) FLAGRUNNER_CLI_JVM_OPTS="-XX:+UseG1GC -Xmn8m -XX:TieredStopAtLevel=1" \
            against_c_server client-c1 bin/flagrunner client -p PORT 127.0.0.1 001234567 ;;
        python) against_c_server python "$PY" bench/naive_client.py -p PORT 127.0.0.1 001234567 ;;
        jar-version) timed jar-version "$JAVA" -XX:+UseSerialGC -Xmn8m -jar "$JAR" --version ;;
        jar-client) against_c_server jar-client "$JAVA" -XX:+UseSerialGC -Xmn8m -jar "$JAR" client -p PORT 127.0.0.1 001234567 ;;
        service) until_healthy service "$OUT/service" "$root/bin/flagrunner" --server.port=PORT ;;
        boot) until_healthy boot "$OUT/boot" "$JAVA" -jar "$boot/target/demo-0.0.1-SNAPSHOT.jar" --server.port=PORT ;;
        *) echo "startup.sh: no row $1" >&2; exit 2 ;;
    esac
}

# What bin/flagrunner will run, from the class path and the archive its JVM reports.
settings=$(JAVA_OPTS='-XshowSettings:properties -Xlog:cds=info:stdout' bin/flagrunner --version 2>&1 || true)
if [[ $settings != *"java.class.path = "*tools/flagrunner.jar* ]]; then
    fast="the jar itself: no fresh target/flagrunner/ (bin/prepare-fast-start)"
elif [[ $settings == *"Opened archive "*tools.jsa* && $settings == *"Mapped static  region"* ]]; then
    fast="the fast start (extracted, class-data sharing)"
else
    fast="the extracted layout without an archive"
fi
echo "bench/startup.sh: $RUNS rounds of: $ROWS; bin/flagrunner runs $fast"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -n 1)"
for round in $(seq "$RUNS"); do
    for row in $ROWS; do run_row "$row"; done
    echo "round $round of $RUNS done (load $(cut -d' ' -f1 /proc/loadavg))"
done

# ------------------------------------------------------------------ the table ---
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
declare -A MED=()
for row in $ROWS; do MED[$row]=$(median "${WALL[$row]}"); done
ratio() { [ -n "${MED[$2]:-}" ] && awk -v a="$1" -v b="${MED[$2]}" 'BEGIN { printf "%.2f x %s", a / b, "'"$2"'" }' || true; }
echo
printf '| %-11s | %9s | %8s | %-13s | %s |\n' row "wall ms" "CPU ms" ratio "each round, wall ms"
printf '|%s|%s|%s|%s|%s|\n' ------------- ----------: ---------: --------------- ---------------------
for row in $ROWS; do
    cpu=-
    [ -n "${CPU[$row]:-}" ] && cpu=$(median "${CPU[$row]}")
    case $row in
        hello) r="1.00" ;;
        service) r=$(ratio "${MED[$row]}" boot) ;;
        boot) r="" ;;
        *) r=$(ratio "${MED[$row]}" hello) ;;
    esac
    printf '| %-11s | %9s | %8s | %-13s | %s |\n' "$row" "${MED[$row]}" "$cpu" "$r" "${WALL[$row]# }"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
