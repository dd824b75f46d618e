package dev.flagrunner.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver} (.ci/run installs both), headless, with a fresh
 * profile and nothing that talks to the network on its own: pages on loopback only.
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /**
     * Lets a browser test run only where Chromium is: elsewhere it is skipped with the reason, except under
     * CI ({@code CI=true}), where a missing browser is a failed install and fails the test.
     */
    public static void requireBrowser() {
        requireBrowser(missing(BROWSER, DRIVER), "true".equals(System.getenv("CI")));
    }

    static void requireBrowser(Optional<String> missing, boolean ci) {
        if (missing.isEmpty()) {
            return;
        }
        if (ci) {
            throw new AssertionError("CI=true and " + missing.get());
        }
        Assumptions.abort(missing.get());
    }

    /** Why the browser cannot run here, if it cannot: which of the two executables is missing. */
    static Optional<String> missing(Path browser, Path driver) {
        for (Path p : new Path[] {browser, driver}) {
            if (!Files.isExecutable(p)) {
                return Optional.of(p + " is missing: apt-get install -y chromium chromium-driver (as .ci/run does)");
            }
        }
        return Optional.empty();
    }

    /** Starts the browser with its own profile in {@code profile}; the caller quits it. */
    public static ChromeDriver start(Path profile) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1400",
                "--user-data-dir=" + Files.createDirectories(profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
