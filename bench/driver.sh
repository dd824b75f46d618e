# bench/driver.sh - sourced by bench/concurrency.sh and bench/service-jit.sh: compiles bench/concurrency.sh's
# driver (src/bench/java/dev/flagrunner/bench/concurrency, with the Prometheus parser it shares with the tests,
# src/test/java/dev/flagrunner/support/Scrape.java) and defines driver ARGS... to run it.
#
#   build_driver CLASSES   asks Maven once for the test classpath (again when pom.xml changes), compiles into
#                          CLASSES; sets DRIVER_CP and DRIVER_MAIN
#   driver ARGS...         runs the driver with $DRIVER_OPTS
# Needs JAVA, JAVAC and DRIVER_OPTS set, and the repository root as the working directory.

DRIVER_CLASSPATH_FILE=bench/target/concurrency/classpath.txt   # the test classpath (Jackson, ...), from Maven
DRIVER_MAIN=dev.flagrunner.bench.concurrency.ConcurrencyBench

build_driver() {
    local classes=$1
    mkdir -p "$(dirname "$DRIVER_CLASSPATH_FILE")"
    if [ ! -s "$DRIVER_CLASSPATH_FILE" ] || [ pom.xml -nt "$DRIVER_CLASSPATH_FILE" ]; then
        echo "== resolving the driver's classpath (./mvnw -B -q dependency:build-classpath)" >&2
        ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DRIVER_CLASSPATH_FILE"
    fi
    DRIVER_CP="$classes:$(cat "$DRIVER_CLASSPATH_FILE")"
    rm -rf "$classes" && mkdir -p "$classes"
    "$JAVAC" --release 17 -d "$classes" -cp "$(cat "$DRIVER_CLASSPATH_FILE")" \
        src/bench/java/dev/flagrunner/bench/concurrency/*.java src/test/java/dev/flagrunner/support/Scrape.java
}

# shellcheck disable=SC2086  # DRIVER_OPTS is a list of words
driver() { "$JAVA" $DRIVER_OPTS -cp "$DRIVER_CP" "$DRIVER_MAIN" "$@"; }
