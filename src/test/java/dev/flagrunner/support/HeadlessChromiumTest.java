package dev.flagrunner.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where Chromium is missing, a browser test is skipped with the reason, and fails under CI. */
class HeadlessChromiumTest {

    @Test
    void aMissingExecutableIsNamedWithTheInstallCommand(@TempDir Path dir) {
        Path absent = dir.resolve("chromium");

        assertThat(HeadlessChromium.missing(absent, absent))
                .contains(absent + " is missing: apt-get install -y chromium chromium-driver (as .ci/run does)");
    }

    @Test
    void withoutCiTheTestIsSkippedWithTheReason() {
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(Optional.of("/usr/bin/chromium is missing"), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("/usr/bin/chromium is missing");
    }

    @Test
    void underCiTheTestFails() {
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(Optional.of("/usr/bin/chromium is missing"), true))
                .isInstanceOf(AssertionError.class)
                .hasMessage("CI=true and /usr/bin/chromium is missing");
    }

    @Test
    void withTheBrowserNothingHappens() {
        assertThatCode(() -> HeadlessChromium.requireBrowser(Optional.empty(), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> HeadlessChromium.requireBrowser(Optional.empty(), false))
                .doesNotThrowAnyException();
    }
}
