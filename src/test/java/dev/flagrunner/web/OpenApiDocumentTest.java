package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.PlainStatusService;
import dev.flagrunner.support.RandomPortTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description lists every response an operation can give, has examples for path parameters and anchored
 * patterns, and passes {@code spectral lint} (spectral:oas) and {@code redocly lint} (recommended) without an error.
 * The linters come from npm ({@code .ci/run} installs them); where they are missing those two checks are skipped.
 */
@PlainStatusService
class OpenApiDocumentTest extends RandomPortTest {

    private static final Path DOCUMENT = Path.of("target", "openapi.json");

    @Test
    void everyOperationListsTheErrorsAnyRequestCanMeet() {
        JsonNode doc = http.get("/v3/api-docs").json();

        for (JsonNode path : doc.get("paths")) {
            for (JsonNode operation : path) {
                assertThat(operation.get("responses").propertyNames()).contains("400", "405", "406", "421", "500");
                if (operation.has("requestBody")) {
                    assertThat(operation.get("responses").propertyNames()).contains("408", "413", "415");
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.get("in").asString().equals("path")) {
                        assertThat(parameter.has("example"))
                                .as(parameter.toString())
                                .isTrue();
                    }
                }
            }
        }
        assertThat(doc.findValuesAsString("pattern"))
                .isNotEmpty()
                .allSatisfy(pattern -> assertThat(pattern).startsWith("^").endsWith("$"));
    }

    @Test
    void spectralFindsNoError() throws Exception {
        assertThat(lint(
                        "spectral",
                        "lint",
                        DOCUMENT.toString(),
                        "--ruleset",
                        ".spectral.yaml",
                        "--fail-severity",
                        "error"))
                .isZero();
    }

    @Test
    void redoclyFindsNoError() throws Exception {
        assertThat(lint("redocly", "lint", DOCUMENT.toString(), "--config", "redocly.yaml"))
                .isZero();
    }

    private int lint(String... command) throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                onPath(command[0]), command[0] + " is not installed (npm; .ci/run installs it): skipped");
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, http.get("/v3/api-docs").body(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
