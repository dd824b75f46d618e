package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/prepare-fast-start}, run as a process, where it must refuse or do nothing: it removes only a
 * layout of its own. (What it makes needs the real jar, which is built after the tests: the package phase
 * runs it, and bin/flagrunner's use of the layout is LauncherScriptTest's.)
 */
class PrepareFastStartTest {

    private static final Path SCRIPT = Path.of("bin", "prepare-fast-start").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aDirectoryOfSomeoneElsesWhereTheLayoutWouldGoIsLeftAlone() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "a stand-in");
        Path theirs =
                Files.writeString(Files.createDirectories(dir.resolve("app")).resolve("notes.txt"), "keep me");

        Result result = run(Map.of(), jar.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.output())
                .contains("prepare-fast-start: failed: " + dir.toRealPath().resolve("app")
                        + " exists and is not a fast-start layout");
        assertThat(theirs).hasContent("keep me");
    }

    @Test
    void aDirectoryOfSomeoneElsesWhereTheLayoutIsMadeIsLeftAlone() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "a stand-in");
        Path theirs = Files.writeString(
                Files.createDirectories(dir.resolve("app.new")).resolve("notes.txt"), "keep me");

        Result result = run(Map.of(), jar.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.output()).contains("app.new exists and is not a fast-start layout in the making");
        assertThat(theirs).hasContent("keep me");
    }

    @Test
    void skipDoesNothing() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "a stand-in");

        Result result = run(Map.of("FLAGRUNNER_FAST_START", "skip"), jar.toString());

        assertThat(result.code()).isZero();
        assertThat(result.output()).isEqualTo("prepare-fast-start: skipped (FLAGRUNNER_FAST_START=skip)\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(jar);
        }
    }

    @Test
    void noJarIsAFailureThatSaysWhere() throws Exception {
        Result result = run(Map.of(), dir.resolve("none.jar").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.output()).isEqualTo("prepare-fast-start: no jar at " + dir.resolve("none.jar") + "\n");
    }

    private record Result(int code, String output) {}

    private static Result run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(SCRIPT.toString());
        builder.command().addAll(List.of(args));
        builder.environment().remove("FLAGRUNNER_FAST_START");
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the script ended")
                    .isTrue();
            return new Result(
                    process.exitValue(), new String(process.getInputStream().readAllBytes(), UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
