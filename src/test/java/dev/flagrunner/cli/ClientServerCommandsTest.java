package dev.flagrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.CliRun;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.MathServers;
import dev.flagrunner.support.ScriptedServer;
import dev.flagrunner.tls.Pem;
import dev.flagrunner.tls.PemFiles;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientServerCommandsTest {

    /** Runs {@code java -cp <test classpath> FlagrunnerApplication args…} as a child process. */
    private static ProcessBuilder flagrunner(String... args) {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flagrunner.FlagrunnerApplication"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void theClientCommandCapturesTheFlagFromTheServerCommand() throws Exception {
        Process server = flagrunner(
                        "server", "--dialect", "status", "-p", "0", "--questions", "300", "--secret", "cli-secret")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader serverOut =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String listening = serverOut.readLine();
            assertThat(listening).matches("listening on 127\\.0\\.0\\.1:\\d+");
            String port = listening.substring(listening.lastIndexOf(':') + 1);

            File stderr = Files.createTempFile("client", ".err").toFile();
            Process client = flagrunner("client", "-p", port, "127.0.0.1", "001234567")
                    .redirectError(stderr)
                    .start();
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stdout = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(client.exitValue()).isZero();
            String expected = Flags.minter("cli-secret").flag(false, "cs5700fall2020", "001234567");
            assertThat(stdout).isEqualTo(expected + System.lineSeparator());
            assertThat(Files.readString(stderr.toPath())).isEmpty();
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void theServerCommandServesTlsWithTheGivenKeyAndCertificate(@TempDir Path dir) throws Exception {
        // A pair made here, not the server's generated one: pinning cert.pem succeeds only if it is served.
        PemFiles pem = PemFiles.write(dir);
        Process server = flagrunner(
                        "server",
                        "--dialect",
                        "cs230",
                        "-s",
                        "--cert",
                        pem.certificate().toString(),
                        "--key",
                        pem.key().toString(),
                        "-p",
                        "0",
                        "--questions",
                        "50",
                        "--secret",
                        "tls-secret")
                .redirectError(dir.resolve("server.err").toFile())
                .start();
        try {
            BufferedReader serverOut =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String listening = serverOut.readLine();
            assertThat(listening)
                    .as("server stderr: %s", stderrOf(dir.resolve("server.err")))
                    .matches("listening on 127\\.0\\.0\\.1:\\d+");
            String port = listening.substring(listening.lastIndexOf(':') + 1);

            Process client = flagrunner(
                            "client",
                            "-s",
                            "--trust",
                            pem.certificate().toString(),
                            "--dialect",
                            "cs230",
                            "-p",
                            port,
                            "127.0.0.1",
                            "001234567")
                    .redirectError(dir.resolve("client.err").toFile())
                    .start();
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stdout = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(Files.readString(dir.resolve("client.err"))).isEmpty();
            assertThat(client.exitValue()).isZero();
            assertThat(stdout)
                    .isEqualTo(Flags.minter("tls-secret").flag(true, "cs230", "001234567") + System.lineSeparator());
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void theServerCommandOverTlsPrintsTheFingerprintAndWritesTheCertificateForTheClientToPin(@TempDir Path dir)
            throws Exception {
        Path pem = dir.resolve("server.pem");
        Process server = flagrunner(
                        "server",
                        "--dialect",
                        "status",
                        "-s",
                        "-p",
                        "0",
                        "--questions",
                        "5",
                        "--secret",
                        "pin",
                        "--write-cert",
                        pem.toString())
                .redirectError(dir.resolve("server.err").toFile())
                .start();
        try {
            BufferedReader serverOut =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String listening = serverOut.readLine();
            assertThat(listening)
                    .as("server stderr: %s", stderrOf(dir.resolve("server.err")))
                    .matches("listening on 127\\.0\\.0\\.1:\\d+");
            String fingerprint = serverOut.readLine();
            X509Certificate written = Pem.readCertificates(pem).get(0);
            String sha256 = HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(written.getEncoded()));
            assertThat(fingerprint).isEqualTo("certificate sha256 Fingerprint=" + sha256 + " (PEM in " + pem + ")");

            Process client = flagrunner(
                            "client",
                            "-s",
                            "--trust",
                            pem.toString(),
                            "-p",
                            listening.substring(listening.lastIndexOf(':') + 1),
                            "127.0.0.1",
                            "001234567")
                    .redirectError(dir.resolve("client.err").toFile())
                    .start();
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("client.err"))).isEmpty();
            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Flags.minter("pin").flag(true, "cs5700fall2020", "001234567") + System.lineSeparator());
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--help                  | 0 | Usage: flagrunner [-hV] [COMMAND]",
                "help                    | 0 | Usage: flagrunner [-hV] [COMMAND]",
                "-h                      | 0 | Usage: flagrunner [-hV] [COMMAND]",
                "--version               | 0 | flagrunner ",
                "clinet                  | 2 | Did you mean: flagrunner client",
                "--hepl                  | 2 | Possible solutions: --help",
                "serve --server.port=0 x | 2 | serve takes Spring Boot properties as --name.key=value, not 'x'",
            })
    void helpVersionAndMistakesStartNoService(String line, int exit, String output) throws Exception {
        Process process = flagrunner(line.trim().split(" +")).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String all = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(all).isEqualTo(exit);
        assertThat(all).contains(output).doesNotContain("Starting FlagrunnerApplication", "Tomcat");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--dialect cs230 -p 0 --frobnicate          | Unknown option: '--frobnicate'",
                "--dialect cs230 -p 0 -s --cert cert.pem    | --cert and --key go together",
                "--dialect cs230 -p 0 --cert c.pem --key k.pem | --cert, --key and --write-cert need -s (TLS)",
                "--dialect cs230 -p 0 --write-cert c.pem     | --cert, --key and --write-cert need -s (TLS)",
                "-p 0                                        | Missing required option: '--dialect=D'",
                "--dialect cs230 -p 0 --max-connections 0    | --max-connections must be at least 1: 0",
                "--dialect cs230 -p 0 --max-connections-per-address -1 | --max-connections-per-address must be at least 1: -1",
                "--dialect cs230 -p 0 --session-deadline 0   | --session-deadline must be at least 1: 0",
            })
    void serverUsageErrorsExit2WithAMessage(String line, String message) throws Exception {
        List<String> args = new ArrayList<>(List.of("server"));
        args.addAll(List.of(line.trim().split(" +")));
        Process server = flagrunner(args.toArray(String[]::new)).start();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }

        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("flagrunner: " + message)
                .contains("Usage: flagrunner server [-hsV]");
    }

    private static String stderrOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static CliRun runClient(String... args) {
        return CliRun.of((out, err) -> ClientCommand.run(args, out, err));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1                                  | Missing required parameter: 'ID'",
                "-p x 127.0.0.1 1                            | Invalid value for option '-p': 'x' is not an int",
                "-p 70000 127.0.0.1 1                        | option -p must be between 1 and 65535: 70000",
                "--dialect nope 127.0.0.1 1                  | Invalid value for option '--dialect': unknown dialect 'nope' (known: status,",
                "--frobnicate 127.0.0.1 1                    | Unknown option: '--frobnicate'",
                "--insecure 127.0.0.1 1                      | --trust and --insecure need -s (TLS)",
                "-s --insecure --trust a.pem 127.0.0.1 1     | --trust and --insecure exclude each other",
                "--dialect eval2022 127.0.0.1 1              | dialect eval2022 has no default plain port: give -p PORT",
                "-p                                          | Missing required parameter for option '-p' (PORT)",
                "--max-questions 0 127.0.0.1 1               | option --max-questions must be between 1 and 2147483647: 0",
                "--max-questions many 127.0.0.1 1            | Invalid value for option '--max-questions': 'many' is not an int",
                "--timeout 0 127.0.0.1 1                     | option --timeout must be between 1 and 3600: 0",
                "--class a\tb 127.0.0.1 1                    | --class must be 1 to 64 visible ASCII characters without spaces",
                "--dialect status --dialect cs230 127.0.0.1 1 | option '--dialect' (D) should be specified only once",
                "--max-duration 0 127.0.0.1 1                | option --max-duration must be between 1 and 86400: 0",
                "--max-duration 5m 127.0.0.1 1               | Invalid value for option '--max-duration': '5m' is not an int",
            })
    void usageErrorsExit2WithAMessage(String line, String message) {
        CliRun r = runClient(line.trim().split(" +"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("flagrunner: " + message).contains("Usage: flagrunner client [-hsV]");
    }

    @Test
    void aFlagThatCannotBeWrittenToStdoutExits1() throws IOException {
        MathServer server = MathServers.start(Dialects.STATUS, 3);
        try {
            OutputStream closedPipe = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("Broken pipe");
                }
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = ClientCommand.run(
                    new String[] {"-p", String.valueOf(server.port()), "127.0.0.1", "1"},
                    new PrintStream(closedPipe, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("flagrunner: the flag could not be written to standard output" + System.lineSeparator());
        } finally {
            server.close();
        }
    }

    @Test
    void aServerAskingMoreThanMaxQuestionsEndsTheSessionWithExit1() throws IOException {
        MathServer server = MathServers.start(Dialects.STATUS, 6);
        try {
            CliRun limited = runClient("--max-questions", "5", "-p", String.valueOf(server.port()), "127.0.0.1", "1");
            CliRun enough = runClient("--max-questions", "6", "-p", String.valueOf(server.port()), "127.0.0.1", "1");

            assertThat(limited.exit()).isEqualTo(1);
            assertThat(limited.out()).isEmpty();
            assertThat(limited.err())
                    .isEqualTo("flagrunner: TOO_MANY_QUESTIONS: the server asked question 6, more than"
                            + " the limit of 5 questions (flagrunner.session.max-questions, client --max-questions)"
                            + System.lineSeparator());
            assertThat(enough.exit()).isZero();
            assertThat(enough.out()).hasLineCount(1);
        } finally {
            server.close();
        }
    }

    @Test
    void aServerThatGoesQuietEndsTheSessionAtMaxDurationWithExit1() throws Exception {
        try (ScriptedServer slow =
                new ScriptedServer(ScriptedServer.oneQuestionThenQuiet("cs5700fall2020 STATUS 6 * 7"))) {
            // The read timeout is far above the limit: only the limit can end this session with this reason.
            CliRun r = runClient(
                    "--max-duration", "1", "--timeout", "60", "-p", String.valueOf(slow.port()), "127.0.0.1", "1");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err())
                    .isEqualTo("flagrunner: SESSION_TIMEOUT: the session reached its limit of 1000 ms after"
                            + " answer 1 (flagrunner.session.max-duration, client --max-duration)"
                            + System.lineSeparator());
        }
    }

    @Test
    void aStatusClientAtAFindcountServerIsToldToCheckTheDialectAndClass() throws IOException {
        MathServer server = MathServers.start(Dialects.FINDCOUNT, 3);
        try {
            CliRun r = runClient("-p", String.valueOf(server.port()), "127.0.0.1", "001234567");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err())
                    .isEqualTo("flagrunner: SERVER_CLOSED: the server closed the connection after HELLO:"
                            + " unknown id, protocol violation, or a busy server (one at its connection limit closes at"
                            + " once: try again later); check that the server speaks dialect status with class string"
                            + " cs5700fall2020 (client --dialect and --class; a request's dialect and classId)"
                            + System.lineSeparator());
        } finally {
            server.close();
        }
    }

    @Test
    void aFailedSessionExits1WithTheReasonOnStderr() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliRun r = runClient("-p", String.valueOf(closedPort), "127.0.0.1", "1");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("flagrunner: CONNECT_FAILED: cannot connect to 127.0.0.1:" + closedPort);
        assertThat(r.err())
                .contains("Connection refused\nhint: nothing accepts connections on that port: is the server running,"
                        + " and is that its plain port?");
    }
}
