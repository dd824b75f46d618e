package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the client's start does not do (docs/startup.md §2). Its command line reads no annotation: the root
 * command's and the client's picocli models are built by hand. Reading annotations makes the JDK spin a proxy class
 * per annotation type, which JDK 17's class-data sharing cannot keep: seven of them cost the client's session about
 * 45 ms of its start. picocli registers no converter for java.sql's and java.time's types, which it would look up
 * by reflection, initialising java.time's formatters. The first test runs a real child process from the built
 * classes and logs its class loading. And no string concatenation links an invokedynamic call site: the build
 * compiles them to StringBuilder calls; the second test reads the built classes.
 */
class ClientStartTest {

    @Test
    @Timeout(60)
    void theClientsCommandLineSpinsNoAnnotationProxyAndLoadsNoJavaSqlOrTimeConverter() throws Exception {
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
        assertThat(output.lines().filter(line -> line.contains(" java.sql.") || line.contains(" java.time.format.")))
                .as("classes of picocli's java.sql and java.time converters")
                .isEmpty();
    }

    @Test
    void noApplicationClassConcatenatesThroughInvokedynamic() throws Exception {
        Path classes = Path.of(FlagrunnerApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Path> concatenating;
        try (Stream<Path> files = Files.walk(classes)) {
            concatenating = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(ClientStartTest::namesTheConcatenationBootstrap)
                    .toList();
        }

        assertThat(classes.resolve(FlagrunnerApplication.class.getName().replace('.', '/') + ".class"))
                .exists();
        assertThat(concatenating)
                .as("classes compiled without -XDstringConcat=inline")
                .isEmpty();
    }

    /** Whether the class file's constant pool names StringConcatFactory's bootstrap method. */
    private static boolean namesTheConcatenationBootstrap(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), ISO_8859_1).contains("makeConcatWithConstants");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
