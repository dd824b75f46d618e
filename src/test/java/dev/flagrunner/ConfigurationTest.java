package dev.flagrunner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.support.ConfigurationBeans;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Bad configuration fails the start with a message that names what is wrong. Each case binds the properties
 * in a small context instead of booting the application: the binding and validation of
 * {@code flagrunner.*}, and the beans that check the rest at start (the embedded server parses its faults, the
 * target resolver its allowed endpoints).
 */
class ConfigurationTest {

    /** The SHA-256 of a token nobody uses. */
    private static final String HASH = "0b4c9a4a4c0bc8f0dcd6d1b2a7e8f5f7c6e4a2b1c3d5e7f9a1b3c5d7e9f1a3b5";

    /**
     * The beans that turn bad {@code flagrunner.*} settings into a failed start. Not a {@code @Configuration}: the
     * tests that start the whole application scan this package, and must not find it.
     */
    @ComponentScan(
            basePackages = "dev.flagrunner.session",
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "dev\\.flagrunner\\.session\\.TargetResolver"))
    static class ConfigurationChecks {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ConfigurationBeans.class, ConfigurationChecks.class)
            .withBean(EmbeddedMathServer.class);

    @Test
    void theChecksPassAGoodConfiguration() {
        // So that each failure below is its setting's, not a bean missing from this small context.
        runner.withPropertyValues(
                        "flagrunner.embedded-server.dialects=status",
                        "flagrunner.embedded-server.tls=false",
                        "flagrunner.embedded-server.faults=crlf",
                        "flagrunner.allowed-endpoints=[::1]:27995")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EmbeddedMathServer.class));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--flagrunner.embedded-server.dialects=status,klingon | unknown dialect 'klingon'",
                "--flagrunner.sesion.wait=5s                         | sesion",
                "--flagrunner.default-target=nowhere                 | flagrunner.default-target 'nowhere'",
                "--flagrunner.embedded-server.questions.min=10 --flagrunner.embedded-server.questions.max=5 | max (5) is below min (10)",
                "--flagrunner.session.max-concurrent=0               | maxConcurrent",
                "--flagrunner.session.read-timeout=0s                | flagrunner.session.read-timeout must be positive",
                "--flagrunner.targets.lab.host=127.0.0.1 --flagrunner.targets.lab.port=27996 --flagrunner.targets.lab.tls=true --flagrunner.targets.lab.trust=/no/such.pem | /no/such.pem",
                "--flagrunner.targets.lab.host=127.0.0.1 --flagrunner.targets.lab.port=99999 | port",
                "--flagrunner.targets.embedded.host=127.0.0.1 --flagrunner.targets.embedded.port=1 | the name 'embedded' is reserved",
                "--flagrunner.embedded-server.faults=explode          | unknown fault 'explode'",
                "--flagrunner.targets.lab.host=127.0.0.1 --flagrunner.targets.lab.port=27995 --flagrunner.targets.lab.class-id=GET | must look like a class string",
                "--flagrunner.allowed-hosts=example.com               | flagrunner.allowed-hosts was replaced by flagrunner.allowed-endpoints",
                "--flagrunner.allowed-hosts=                          | flagrunner.allowed-hosts was replaced by flagrunner.allowed-endpoints",
                "--flagrunner.allowed-endpoints=::1:27995             | flagrunner.allowed-endpoints: '::1:27995' is not host:port or host:lo-hi (an IPv6 address goes in brackets",
                "--flagrunner.allowed-endpoints=example.com          | flagrunner.allowed-endpoints: 'example.com' is not host:port or host:lo-hi (no port",
                "--flagrunner.session.max-duration=0s                | flagrunner.session.max-duration must be positive",
                "--flagrunner.session.max-duration=25h               | flagrunner.session.max-duration must be at most PT24H",
                "--flagrunner.session.max-bytes-in-flight=-1MB       | flagrunner.session.max-bytes-in-flight must not be negative: -1048576B",
                "--flagrunner.session.max-questions=0                | flagrunner.session.max-questions must be at least 1, not 0",
                "--flagrunner.session.max-questions=500              | flagrunner.embedded-server.questions.max (1000) is above flagrunner.session.max-questions (500)",
                "--flagrunner.security.tokens.grader.sha256=hunter2 --flagrunner.security.tokens.grader.roles=read | flagrunner.security.tokens.grader.sha256 must be the 64 hex digits of the token's SHA-256",
                "--flagrunner.security.tokens.grader.sha256=" + HASH
                        + " --flagrunner.security.tokens.grader.roles=admin | flagrunner.security.tokens.grader.roles: unknown role 'admin' (known: run, read, metrics)",
                "--flagrunner.security.tokens.grader.sha256=" + HASH
                        + " | flagrunner.security.tokens.grader.roles is empty",
                "--flagrunner.security.tokens.grader.sha256=" + HASH
                        + " --flagrunner.security.tokens.grader.roles=read --flagrunner.security.tokens.again.sha256="
                        + HASH + " --flagrunner.security.tokens.again.roles=run | two tokens have the same sha256",
                "--flagrunner.security.max-sessions-per-token=0     | maxSessionsPerToken",
            })
    void aBadSettingFailsTheStartNamingIt(String args, String message) {
        // The cases are written as the command line an operator would type; the runner takes key=value.
        String[] settings = Arrays.stream(args.trim().split(" +"))
                .map(a -> a.substring("--".length()))
                .toArray(String[]::new);

        runner.withPropertyValues(settings).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder all = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            assertThat(all.toString()).contains(message);
        });
    }
}
