package dev.flagrunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.FlagrunnerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A misspelt flagrunner.* key fails the start naming the valid key nearest to it, and where the file has it. */
@ExtendWith(OutputCaptureExtension.class)
class MisspeltKeyTest {

    @TempDir
    Path dir;

    @Test
    void theStartFailsNamingTheNearestKeyAndTheLineOfTheFile(CapturedOutput output) throws IOException {
        Path file = Files.writeString(dir.resolve("typo.yml"), """
                flagrunner:
                  sesion:
                    wait: 5s
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(FlagrunnerApplication.class)
                        .run(
                                "--spring.config.location=classpath:/application.properties",
                                "--spring.config.additional-location=file:" + file,
                                "--server.port=0"))
                .isNotNull();

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("'flagrunner.sesion.wait' (")
                .contains("typo.yml")
                .contains("is not a Flagrunner key: did you mean 'flagrunner.session.wait'?")
                .doesNotContain("Bindable@");
    }

    @ParameterizedTest
    @CsvSource({
        "flagrunner.sesion.wait, flagrunner.session.wait",
        "flagrunner.default-taget, flagrunner.default-target",
        "flagrunner.targets.fall.hots, flagrunner.targets.fall.host",
        "flagrunner.targets.fall.class, flagrunner.targets.fall.class-id",
        "flagrunner.security.tokens.grader.role, flagrunner.security.tokens.grader.roles",
        "flagrunner.embedded-server.question.max, flagrunner.embedded-server.questions.max",
        "flagrunner.security.token_file, flagrunner.security.token-file",
    })
    void theNearestKey(String typo, String meant) {
        assertThat(FlagrunnerKeys.nearest(typo)).contains(meant);
    }

    @Test
    void aKeyNearNothingListsTheKeysBesideIt() {
        assertThat(FlagrunnerKeys.nearest("flagrunner.session.colour-of-the-sky"))
                .isEmpty();
        assertThat(FlagrunnerKeys.siblings("flagrunner.session.colour-of-the-sky"))
                .contains("flagrunner.session.wait", "flagrunner.session.max-duration")
                .allMatch(key -> key.startsWith("flagrunner.session."));
    }

    @Test
    void theRetiredKeyIsNeverSuggestedAndEveryKeyIsKebabCase() {
        assertThat(FlagrunnerKeys.all())
                .doesNotContain("flagrunner.allowed-hosts")
                .contains("flagrunner.allowed-endpoints", "flagrunner.security.tokens.*.sha256")
                .allMatch(key -> key.matches("flagrunner(\\.([a-z0-9-]+|\\*))+"));
    }
}
