package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.HeadlessChromium;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Swagger UI in a real headless Chromium: {@code http://host:port/} leads to it without a token, the
 * Authorize dialog takes one (a run token), and "Try it out" then "Execute" on {@code POST /sessions}, with the
 * body exactly as pre-filled, runs a session against the embedded server and the response shows its flag.
 * Where Chromium is missing the test is skipped with the reason, and fails under CI ({@code CI=true}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flagrunner.embedded-server.questions.min=20", "flagrunner.embedded-server.questions.max=20"})
class SwaggerUiBrowserTest extends RandomPortTest {

    /** Where the test leaves its screenshot; docs/swagger-ui.png is a copy of one. */
    static final Path SCREENSHOT = Path.of("target", "swagger-ui.png");

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser(@TempDir Path profile) throws Exception {
        HeadlessChromium.requireBrowser();
        browser = HeadlessChromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The Authorize dialog: the bearer token in the scheme's field, Authorize, Close. */
    private void authorize(String token) {
        browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        dialog.findElement(By.cssSelector(".auth-container input")).sendKeys(token);
        dialog.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        dialog.findElement(By.cssSelector(".auth-btn-wrapper button.btn-done"))))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    @Test
    void executeOnThePreFilledBodyOfPostSessionsCapturesAFlag() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(ExpectedConditions.titleIs("Swagger UI"));
        assertThat(browser.getCurrentUrl()).endsWith("/swagger-ui/index.html");
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'opblock-post')][.//*[@data-path='/sessions']]")));
        authorize(TestTokens.RUN);

        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        // The expanded operation renders after the click returns: wait for its parts to appear, not only to be
        // clickable (findElement before the wait threw NoSuchElementException when the page was slow).
        clickableIn(operation, ".try-out__btn").click();
        WebElement body = clickableIn(operation, "textarea.body-param__text");
        assertThat(body.getAttribute("value")).as("the pre-filled body").isEqualToIgnoringWhitespace("""
                {"studentId": "001234567"}""");
        operation.findElement(By.cssSelector("button.execute")).click();

        By liveResponse = By.cssSelector(".live-responses-table .response-col_description pre");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(liveResponse, "FLAG_CAPTURED"));
        String shown = browser.findElement(liveResponse).getText();
        String status = operation
                .findElement(By.cssSelector(".live-responses-table .response .response-col_status"))
                .getText();

        assertThat(status).isEqualTo("201");
        assertThat(shown)
                .contains("\"studentId\": \"001234567\"")
                .containsPattern("\"flag\": \"[0-9a-f]{64}\"")
                .contains("\"questionsAnswered\": 20")
                .contains("\"owner\": \"test-run\"");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(liveResponse));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The element inside {@code parent} once it is there and clickable. */
    private WebElement clickableIn(WebElement parent, String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(parent, By.cssSelector(css)))));
    }
}
