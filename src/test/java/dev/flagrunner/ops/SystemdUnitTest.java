package dev.flagrunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/systemd/flagrunner.service: systemd accepts it ({@code systemd-analyze verify}, where installed: no error and
 * no warning, an unknown key included), and it has the options a service holding secrets should have.
 */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("ops", "systemd", "flagrunner.service");

    @Test
    void theUnitHasTheHardeningOfAServiceThatHoldsSecrets() throws IOException {
        Map<String, List<String>> service = section(UNIT, "Service");

        assertThat(service)
                .containsEntry("DynamicUser", List.of("yes"))
                .containsEntry("StateDirectory", List.of("flagrunner"))
                .containsEntry("StateDirectoryMode", List.of("0700"))
                .containsEntry("WorkingDirectory", List.of("/var/lib/flagrunner"))
                .containsEntry("UMask", List.of("0077"))
                .containsEntry("NoNewPrivileges", List.of("yes"))
                .containsEntry("CapabilityBoundingSet", List.of(""))
                .containsEntry("ProtectSystem", List.of("strict"))
                .containsEntry("ProtectHome", List.of("yes"))
                .containsEntry("PrivateTmp", List.of("yes"))
                .containsEntry("RestrictAddressFamilies", List.of("AF_INET AF_INET6 AF_UNIX"))
                .containsEntry("SystemCallFilter", List.of("@system-service"))
                .containsEntry("Restart", List.of("always"))
                .doesNotContainKey("MemoryDenyWriteExecute"); // the JIT writes code, then runs it
        // bin/flagrunner adds -XX:+ExitOnOutOfMemoryError to the service's JVM (LauncherScriptTest).
        assertThat(service.get("ExecStart")).singleElement().asString().startsWith("/opt/flagrunner/bin/flagrunner ");
        assertThat(service.get("Environment"))
                .singleElement()
                .asString()
                .contains("JAVA=/usr/bin/java", "FLAGRUNNER_JAR=/opt/flagrunner/flagrunner.jar", "JAVA_OPTS=-Xmx512m");
    }

    @Test
    void systemdAnalyzeVerifiesItWithoutAWord(@TempDir Path dir) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), analyze + " is missing (systemd): only parsed");
        // verify checks that ExecStart's program exists: this checkout's bin/flagrunner stands in for the installed
        // one.
        String launcher = Path.of("bin", "flagrunner").toAbsolutePath().toString();
        Path copy = Files.writeString(
                dir.resolve("flagrunner.service"),
                Files.readString(UNIT)
                        .replace("ExecStart=/opt/flagrunner/bin/flagrunner ", "ExecStart=" + launcher + " "));

        Process verify = new ProcessBuilder(analyze.toString(), "verify", "--man=no", copy.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(said).isEmpty();
        assertThat(verify.exitValue()).isZero();
    }

    /** A section of a unit file: each key's values in order; comments and blank lines skipped. */
    static Map<String, List<String>> section(Path unit, String name) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
                continue;
            }
            if (text.startsWith("[")) {
                current = text.substring(1, text.length() - 1);
            } else if (name.equals(current)) {
                int equals = text.indexOf('=');
                keys.computeIfAbsent(text.substring(0, equals).strip(), k -> new ArrayList<>())
                        .add(text.substring(equals + 1).strip());
            }
        }
        return keys;
    }
}
