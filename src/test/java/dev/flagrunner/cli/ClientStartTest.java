package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's command line reads no annotation: the root command's and the client's picocli models are built by
 * hand. Reading annotations makes the JDK spin a proxy class per annotation type, which JDK 17's class-data sharing
 * cannot keep: seven of them cost the client's session about 45 ms of its start (docs/startup.md). A real child
 * process from the built classes, its class loading logged.
 */
class ClientStartTest {

    @Test
    @Timeout(60)
    void theClientsCommandLineSpinsNoAnnotationProxy() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xlog:class+load=info:stdout",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FlagrunnerApplication.class.getName(),
                        "client",
                        "--help")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: flagrunner client [-hsV]");
        assertThat(output.lines().filter(line -> line.contains("__dynamic_proxy__")))
                .as("proxy classes made while the client's command line was read")
                .isEmpty();
    }
}
