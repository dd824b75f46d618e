package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/flagrunner}, run as a process: which JVM options each command gets, and that the JVM takes them.
 * A stand-in {@code java} (through the script's {@code JAVA}) prints the command line it was given; the
 * jar is built after the tests, so the one that really runs swaps {@code -jar JAR} for the test classpath.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("bin", "flagrunner").toAbsolutePath();

    /** The JVM's own warnings, a refused archive's among them, go to stderr for a tool: stdout is its output. */
    private static final String[] WARNINGS = {"-Xlog:disable", "-Xlog:all=warning:stderr"};

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void fakeJar() throws IOException {
        jar = Files.writeString(dir.resolve("flagrunner.jar"), "a stand-in: the tests' java never opens it");
    }

    @Test
    void theToolsGetASmallYoungGeneration() throws Exception {
        for (String tool : List.of("client", "server", "eval")) {
            assertThat(argumentsJavaGets(Map.of(), tool, "-p", "1"))
                    .containsExactly(
                            "-XX:+UseG1GC",
                            "-Xmn8m",
                            WARNINGS[0],
                            WARNINGS[1],
                            "-jar",
                            jar.toString(),
                            tool,
                            "-p",
                            "1");
        }
    }

    @Test
    void theServiceExitsOnOutOfMemoryAndCompilesWithC1Alone() throws Exception {
        assertThat(argumentsJavaGets(Map.of()))
                .containsExactly("-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        assertThat(argumentsJavaGets(Map.of("JAVA_OPTS", "-Xmx512m"), "--server.port=0"))
                .containsExactly(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=0");
        // JAVA_OPTS comes later, so it can give the service the JVM's tiered compilation back (the last one wins).
        assertThat(argumentsJavaGets(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4")))
                .containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-jar");
        assertThat(argumentsJavaGets(Map.of(), "serve", "--server.port=0"))
                .containsExactly(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--server.port=0");
    }

    @Test
    void javaOptsComeAfterAndTheToolsOptionsCanBeReplacedOrDropped() throws Exception {
        assertThat(argumentsJavaGets(Map.of("JAVA_OPTS", "-Xmx64m -Dx=y"), "client"))
                .containsExactly(
                        "-XX:+UseG1GC",
                        "-Xmn8m",
                        WARNINGS[0],
                        WARNINGS[1],
                        "-Xmx64m",
                        "-Dx=y",
                        "-jar",
                        jar.toString(),
                        "client");
        assertThat(argumentsJavaGets(Map.of("FLAGRUNNER_CLI_JVM_OPTS", "-XX:+UseParallelGC"), "client"))
                .containsExactly("-XX:+UseParallelGC", WARNINGS[0], WARNINGS[1], "-jar", jar.toString(), "client");
        assertThat(argumentsJavaGets(Map.of("FLAGRUNNER_CLI_JVM_OPTS", ""), "client"))
                .containsExactly(WARNINGS[0], WARNINGS[1], "-jar", jar.toString(), "client");
    }

    @Test
    void itFindsTheJarBesideItsRealSelfThroughALinkFromAnyDirectoryAndWithCdpathSet() throws Exception {
        Path install = Files.createDirectories(dir.resolve("with space"));
        Path script = Files.copy(
                SCRIPT, Files.createDirectories(install.resolve("bin")).resolve("flagrunner"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(Files.createDirectories(install.resolve("target")).resolve("flagrunner.jar"), "a stand-in");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("fr"), script);
        Path relativeLink = Files.createSymbolicLink(elsewhere.resolve("fr-relative"), elsewhere.relativize(script));

        // A decoy with the same relative path: `cd "with space/bin"` would go there, through CDPATH.
        Path decoy = Files.createDirectories(
                        dir.resolve("decoy").resolve("with space").resolve("bin"))
                .getParent()
                .getParent();
        String expectedJar = install.resolve("bin").toRealPath() + "/../target/flagrunner.jar";

        for (String command : List.of(link.toString(), relativeLink.toString(), "with space/bin/flagrunner")) {
            ProcessBuilder builder = new ProcessBuilder(command, "eval").directory(dir.toFile());
            builder.environment().remove("FLAGRUNNER_JAR");
            builder.environment().remove("JAVA_OPTS");
            builder.environment().remove("FLAGRUNNER_CLI_JVM_OPTS");
            builder.environment().put("CDPATH", decoy.toString());
            builder.environment().put("JAVA", printingJava().toString());

            assertThat(finish(builder.start(), 0).lines().toList())
                    .as(command)
                    .containsExactly("-XX:+UseG1GC", "-Xmn8m", WARNINGS[0], WARNINGS[1], "-jar", expectedJar, "eval");
        }
    }

    @Test
    void noJavaIsAUsageErrorThatSaysWhereItLooked() throws Exception {
        ProcessBuilder builder =
                script(Map.of("JAVA_HOME", dir.resolve("no-jdk").toString()), "client");
        builder.environment().remove("JAVA");
        Process process = builder.redirectErrorStream(true).start();

        assertThat(finish(process, 2))
                .isEqualTo("flagrunner: no java at '" + dir.resolve("no-jdk") + "/bin/java': set"
                        + " JAVA or JAVA_HOME, or put java on the PATH\n");
    }

    @Test
    void aMissingJarIsAUsageErrorThatSaysHowToBuildIt() throws Exception {
        Process process = script(
                        Map.of(
                                "FLAGRUNNER_JAR",
                                dir.resolve("none.jar").toString(),
                                "JAVA",
                                printingJava().toString()),
                        "client")
                .redirectErrorStream(true)
                .start();

        assertThat(finish(process, 2))
                .isEqualTo("flagrunner: no jar at " + dir.resolve("none.jar")
                        + ": build it with ./mvnw -B -q -DskipTests package, or set FLAGRUNNER_JAR\n");
    }

    @Test
    void theJvmRunsAToolWithTheseOptions() throws Exception {
        Path java = executable("java-on-the-test-classpath", """
                #!/usr/bin/env bash
                args=()
                while [ $# -gt 0 ]; do
                    if [ "$1" = -jar ]; then args+=(-cp "$TEST_CLASSPATH" %s); shift 2; else args+=("$1"); shift; fi
                done
                exec "%s" "${args[@]}"
                """.formatted(
                FlagrunnerApplication.class.getName(), Path.of(System.getProperty("java.home"), "bin", "java")));
        Process process = script(
                        Map.of(
                                "JAVA",
                                java.toString(),
                                "JAVA_OPTS",
                                "-XX:+PrintCommandLineFlags",
                                "TEST_CLASSPATH",
                                System.getProperty("java.class.path")),
                        "eval",
                        "--dialect",
                        "eval2022")
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("( 1 <<^ -1 )\n".getBytes(UTF_8));
        }
        String stdout = finish(process, 0);

        assertThat(stdout.lines().toList()).hasSize(2).last().isEqualTo("-8193");
        assertThat(stdout.lines().findFirst().orElseThrow()).contains("-XX:+UseG1GC", "-XX:MaxNewSize=8388608");
    }

    @Test
    void withAFreshLayoutTheToolsRunOnTheirClassPathAndArchiveAndTheServiceFromTheExtractedJar() throws Exception {
        Path fast = freshLayout();

        for (String command :
                List.of("client", "server", "eval", "--version", "-V", "--help", "-h", "help", "completion")) {
            List<String> expected =
                    new java.util.ArrayList<>(List.of("-XX:+UseG1GC", "-Xmn8m", WARNINGS[0], WARNINGS[1]));
            if (!command.equals("server")) {
                // The short tools map their archive where it was dumped; the server keeps its random address.
                expected.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
            }
            expected.addAll(List.of(
                    "-XX:SharedArchiveFile=" + fast.resolve("tools.jsa"),
                    "-cp",
                    fast.resolve("tools/flagrunner.jar") + ":" + fast.resolve("lib/picocli-4.7.7.jar"),
                    FlagrunnerApplication.class.getName(),
                    command));
            assertThat(argumentsJavaGets(Map.of(), command)).as(command).containsExactlyElementsOf(expected);
        }
        for (List<String> service : List.of(List.<String>of(), List.of("serve"), List.of("--server.port=0"))) {
            List<String> expected = new java.util.ArrayList<>(List.of(
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:SharedArchiveFile=" + fast.resolve("service.jsa"),
                    "-jar",
                    fast.resolve("flagrunner.jar").toString()));
            expected.addAll(service);
            assertThat(argumentsJavaGets(Map.of(), service.toArray(String[]::new)))
                    .as(service.toString())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aJarOfAnotherNameHasItsLayoutBesideItUnderItsName() throws Exception {
        Path other = Files.writeString(dir.resolve("flagrunner-0.1.jar"), "another stand-in");
        Path fast = freshLayout(other);

        assertThat(argumentsJavaGets(Map.of("FLAGRUNNER_JAR", other.toString())))
                .containsExactly(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:SharedArchiveFile=" + fast.resolve("service.jsa"),
                        "-jar",
                        fast.resolve("flagrunner-0.1.jar").toString());
    }

    @Test
    void withoutTheArchivesTheLayoutStillRunsOnlyWithoutClassDataSharing() throws Exception {
        Path fast = freshLayout();
        Files.delete(fast.resolve("tools.jsa"));
        Files.delete(fast.resolve("service.jsa"));

        assertThat(argumentsJavaGets(Map.of(), "client"))
                .containsExactly(
                        "-XX:+UseG1GC",
                        "-Xmn8m",
                        WARNINGS[0],
                        WARNINGS[1],
                        "-cp",
                        fast.resolve("tools/flagrunner.jar") + ":" + fast.resolve("lib/picocli-4.7.7.jar"),
                        FlagrunnerApplication.class.getName(),
                        "client");
        assertThat(argumentsJavaGets(Map.of()))
                .containsExactly(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        fast.resolve("flagrunner.jar").toString());
    }

    @Test
    void theJavaThatMadeTheLayoutUsesItThroughALinkOrARelativePath() throws Exception {
        Path fast = freshLayout();
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("java"), links.relativize(printingJava()));
        Path copy = Files.copy(printingJava(), links.resolve("java-copy"));

        for (String java : List.of(link.toString(), dir.relativize(link).toString())) {
            ProcessBuilder builder = script(Map.of("JAVA", java), "client").directory(dir.toFile());
            assertThat(finish(builder.start(), 0).lines())
                    .as(java)
                    .contains("-XX:SharedArchiveFile=" + fast.resolve("tools.jsa"));
        }
        // The same bytes in another file are another java: its archives were never checked against this one.
        assertThat(finish(script(Map.of("JAVA", copy.toString()), "client").start(), 0)
                        .lines())
                .containsSubsequence("-jar", jar.toString(), "client");
    }

    @Test
    void aLayoutMadeFromAnotherJarIsNeverUsed() throws Exception {
        freshLayout();
        Files.writeString(jar, "a jar built since: other classes, another size");

        assertThat(argumentsJavaGets(Map.of(), "client")).containsSubsequence("-jar", jar.toString(), "client");
        assertThat(argumentsJavaGets(Map.of()))
                .containsExactly("-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
    }

    @Test
    void aLayoutMadeFromAJarOfTheSameSizeThatChangedSinceIsNeverUsed() throws Exception {
        freshLayout();
        Files.setLastModifiedTime(
                jar,
                java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(jar).toMillis() + 1));

        assertThat(argumentsJavaGets(Map.of(), "client")).containsSubsequence("-jar", jar.toString(), "client");
    }

    @Test
    void aLayoutMadeForAnotherJavaOrInAnotherPlaceIsNeverUsed() throws Exception {
        Path fast = freshLayout();
        List<String> record = Files.readAllLines(fast.resolve("source"));

        Files.write(
                fast.resolve("source"),
                List.of(record.get(0), record.get(1), record.get(2), "/usr/lib/jvm/other/bin/java"));
        assertThat(argumentsJavaGets(Map.of(), "client")).containsSubsequence("-jar", jar.toString(), "client");

        Files.write(fast.resolve("source"), List.of(record.get(0), record.get(1), "/moved/flagrunner", record.get(3)));
        assertThat(argumentsJavaGets(Map.of(), "client")).containsSubsequence("-jar", jar.toString(), "client");

        Files.writeString(fast.resolve("source"), "");
        assertThat(argumentsJavaGets(Map.of(), "client")).containsSubsequence("-jar", jar.toString(), "client");
    }

    /**
     * What bin/prepare-fast-start leaves beside the stand-in jar, with a record that matches it (its size and
     * modification time as stat prints them, the jar's and the directory's real paths, the stand-in java's).
     */
    private Path freshLayout() throws Exception {
        return freshLayout(jar);
    }

    private Path freshLayout(Path jar) throws Exception {
        String name = jar.getFileName().toString();
        Path fast = Files.createDirectories(jar.resolveSibling(name.substring(0, name.length() - ".jar".length())));
        Files.createDirectories(fast.resolve("tools"));
        Files.createDirectories(fast.resolve("lib"));
        Files.writeString(fast.resolve(name), "a stand-in");
        Files.writeString(fast.resolve("tools/flagrunner.jar"), "a stand-in");
        Files.writeString(fast.resolve("lib/picocli-4.7.7.jar"), "a stand-in");
        Files.writeString(fast.resolve("tools.classpath"), "tools/flagrunner.jar:lib/picocli-4.7.7.jar\n");
        Files.writeString(fast.resolve("tools.jsa"), "a stand-in");
        Files.writeString(fast.resolve("service.jsa"), "a stand-in");
        Process stat = new ProcessBuilder("stat", "-c", "%s %.9Y", jar.toString()).start();
        String stamp = finish(stat, 0).strip();
        Files.write(
                fast.resolve("source"),
                List.of(
                        stamp,
                        jar.toRealPath().toString(),
                        fast.toRealPath().toString(),
                        printingJava().toRealPath().toString()));
        return fast.toRealPath();
    }

    /** The arguments the script passes to java, one per element. */
    private List<String> argumentsJavaGets(Map<String, String> env, String... args) throws Exception {
        Map<String, String> withJava = new java.util.HashMap<>(env);
        withJava.put("JAVA", printingJava().toString());
        return finish(script(withJava, args).start(), 0).lines().toList();
    }

    /** A stand-in java that prints its arguments, one per line. */
    private Path printingJava() throws IOException {
        return executable("java-that-prints", """
                #!/usr/bin/env bash
                printf '%s\\n' "$@"
                """);
    }

    /** Waits for the process (killing it after a minute), checks its exit code and returns its stdout. */
    private static String finish(Process process, int expectedExit) throws Exception {
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the process ended")
                    .isTrue();
            String stdout = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertThat(process.exitValue()).as(stdout).isEqualTo(expectedExit);
            return stdout;
        } finally {
            process.destroyForcibly();
        }
    }

    private ProcessBuilder script(Map<String, String> env, String... args) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(SCRIPT.toString());
        builder.command().addAll(List.of(args));
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_OPTS");
        environment.remove("FLAGRUNNER_CLI_JVM_OPTS");
        environment.put("FLAGRUNNER_JAR", jar.toString());
        environment.putAll(env);
        return builder;
    }

    private Path executable(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
