package dev.flagrunner.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.support.ConfigurationBeans;
import dev.flagrunner.support.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generated token, as a newcomer's service makes it: no token configured (only the packaged defaults are
 * read, not the tests' tokens), the token file created with mode 0600 at the first start, reused at the next, its
 * path logged and the token never.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenFileTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(Path tokenFile) {
        return new SpringApplicationBuilder(FlagrunnerApplication.class)
                .run(
                        "--spring.config.location=classpath:/application.properties",
                        "--server.port=0",
                        "--flagrunner.embedded-server.dialects=status",
                        "--flagrunner.embedded-server.tls=false",
                        "--flagrunner.security.token-file=" + tokenFile);
    }

    /** The token registry alone reads the file: its refusals need no whole service. */
    private static void startTokenRegistry(Path tokenFile, Consumer<AbstractThrowableAssert<?, ?>> failure) {
        new ApplicationContextRunner()
                .withUserConfiguration(ConfigurationBeans.class)
                .withBean(TokenRegistry.class)
                .withPropertyValues("flagrunner.security.token-file=" + tokenFile)
                .run(context -> failure.accept(assertThat(context).hasFailed().getFailure()));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void theFirstStartWritesAPrivateTokenThatTheNextStartReuses(CapturedOutput output) throws IOException {
        Path tokenFile = dir.resolve("state").resolve("token");
        String token;
        try (ConfigurableApplicationContext first = start(tokenFile)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
            token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
            assertThat(token).matches("[0-9a-f]{64}");
            Http http = new Http(port(first));
            assertThat(http.as(token).get("/flags").status()).isEqualTo(200);
            assertThat(http.as(token).get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(http.anonymous().get("/flags").status()).isEqualTo(401);
            assertThat(http.get("/flags").status())
                    .as("the tests' tokens are not configured here")
                    .isEqualTo(401);
        }
        try (ConfigurableApplicationContext second = start(tokenFile)) {
            assertThat(Files.readString(tokenFile, StandardCharsets.US_ASCII).strip())
                    .isEqualTo(token);
            Http http = new Http(port(second));
            assertThat(http.as(token).get("/flags").status()).isEqualTo(200);
        }

        assertThat(output.getAll())
                .contains("the generated token with every role is in " + tokenFile)
                .contains("the reused token with every role is in " + tokenFile)
                .doesNotContain(token)
                .doesNotContain("Using generated security password");
    }

    @Test
    void aTokenFileThatOthersMayReadFailsTheStart() throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "ab".repeat(32) + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

        startTokenRegistry(
                tokenFile,
                failure -> failure.hasStackTraceContaining("flagrunner.security.token-file " + tokenFile
                        + " may be read or written by others (mode rw-r--r--)"));
    }

    @Test
    void aTokenFileThatHoldsSomethingElseFailsTheStartWithoutQuotingIt() throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "hunter2\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));

        startTokenRegistry(
                tokenFile,
                failure -> failure.hasStackTraceContaining("does not hold a generated token (64 hex digits)")
                        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("hunter2")));
    }

    @Test
    void aTokenFileThatSomeoneElseOwnsFailsTheStart() throws IOException {
        // Only root can give a file away: the check runs where the service runs as root (as CI does).
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown");
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "ab".repeat(32) + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(
                tokenFile,
                tokenFile.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        startTokenRegistry(
                tokenFile,
                failure -> failure.hasStackTraceContaining(
                        "flagrunner.security.token-file " + tokenFile + " belongs to nobody, not to root"));
    }

    @Test
    void configuredTokensBesideALeftoverTokenFileAreAWarningNamingTheFileThatIsNoLongerRead(CapturedOutput output)
            throws IOException {
        Path tokenFile = dir.resolve("flagrunner-token");
        String leftover = "ab".repeat(32);
        Files.writeString(tokenFile, leftover + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));

        new ApplicationContextRunner()
                .withUserConfiguration(ConfigurationBeans.class)
                .withBean(TokenRegistry.class)
                .withPropertyValues(
                        "flagrunner.security.token-file=" + tokenFile,
                        "flagrunner.security.tokens.grader.sha256=" + "cd".repeat(32),
                        "flagrunner.security.tokens.grader.roles=read")
                .run(context -> assertThat(context.getBean(TokenRegistry.class).authenticate(leftover))
                        .as("the file's token is refused")
                        .isEmpty());

        assertThat(output.getAll())
                .contains("WARN")
                .contains("the generated token file " + tokenFile + " is no longer read and its token is refused")
                .doesNotContain(leftover);
    }

    @Test
    void configuredTokensWithoutATokenFileAreNoWarning(CapturedOutput output) {
        new ApplicationContextRunner()
                .withUserConfiguration(ConfigurationBeans.class)
                .withBean(TokenRegistry.class)
                .withPropertyValues(
                        "flagrunner.security.token-file=" + dir.resolve("flagrunner-token"),
                        "flagrunner.security.tokens.grader.sha256=" + "cd".repeat(32),
                        "flagrunner.security.tokens.grader.roles=read")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output.getAll()).contains("1 token(s) configured").doesNotContain("no longer read");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // before the fix, the start never ended
    void aFifoAtTheTokenFilesPathFailsTheStartInsteadOfWaitingForAWriter() throws Exception {
        Path tokenFile = dir.resolve("token");
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", tokenFile.toString())
                .inheritIO()
                .start();
        assertThat(mkfifo.waitFor()).isZero();

        startTokenRegistry(
                tokenFile,
                failure -> failure.hasStackTraceContaining("flagrunner.security.token-file " + tokenFile
                        + " is not a regular file (a FIFO, socket or device)"));
    }

    @Test
    void aDirectoryAtTheTokenFilesPathFailsTheStart() throws IOException {
        Path tokenFile = Files.createDirectory(dir.resolve("token"));
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));

        startTokenRegistry(
                tokenFile,
                failure -> failure.hasStackTraceContaining(
                        "flagrunner.security.token-file " + tokenFile + " is not a regular file (a directory)"));
    }

    @Test
    void aTokenFileLargerThanATokenEverIsFailsTheStartUnread() throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "ab".repeat(32) + "\n" + " ".repeat(TokenFile.MAX_BYTES));
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));

        startTokenRegistry(
                tokenFile,
                failure -> failure.hasStackTraceContaining("flagrunner.security.token-file " + tokenFile + " holds "
                        + (65 + TokenFile.MAX_BYTES) + " bytes, more than the " + TokenFile.MAX_BYTES));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
