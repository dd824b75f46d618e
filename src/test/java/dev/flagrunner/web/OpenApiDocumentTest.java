package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Http;
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
    void theApiIsDescribedInOpenApi() {
        Http.Response r = http.get("/v3/api-docs");

        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.has("/sessions")).isTrue();
        assertThat(paths.has("/sessions/{id}")).isTrue();
        assertThat(paths.has("/flags")).isTrue();
        assertThat(paths.has("/error"))
                .as("the container's error page is not part of the API")
                .isFalse();
        assertThat(r.json().get("info").get("title").asString()).isEqualTo("Flagrunner");
    }

    @Test
    void theOpenApiDescriptionListsTheRealResponsesAndTheirProblemBodies() {
        JsonNode doc = http.get("/v3/api-docs").json();

        JsonNode start = doc.at("/paths/~1sessions/post/responses");
        assertThat(start.propertyNames()).contains("201", "202", "400", "403", "429");
        assertThat(start.at("/201/headers").has("Location")).isTrue();
        assertThat(start.at("/202/headers").has("Location")).isTrue();
        for (String code : List.of("400", "403", "429")) {
            assertDocumentedProblem(doc, start.get(code));
        }
        assertThat(start.at("/429/headers").has("Retry-After")).isTrue();
        JsonNode getOne = doc.at("/paths/~1sessions~1{id}/get/responses");
        assertThat(getOne.propertyNames()).contains("200", "404");
        assertDocumentedProblem(doc, getOne.get("404"));
    }

    /** A documented problem response: {@code application/problem+json} with the RFC 9457 members. */
    private static void assertDocumentedProblem(JsonNode doc, JsonNode response) {
        JsonNode schema = response.at("/content/application~1problem+json/schema");
        assertThat(schema.isMissingNode()).as(response.toString()).isFalse();
        if (schema.has("$ref")) {
            schema = doc.at(schema.get("$ref").asString().substring(1));
        }
        assertThat(schema.get("properties").propertyNames())
                .as(schema.toString())
                .contains("type", "title", "status", "detail", "instance");
    }

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

    /**
     * Swagger UI pre-fills a request from the examples: the body of {@code POST /sessions} runs as it is, every
     * other parameter has a value that works, and only those whose pre-filled value would change what a first try
     * answers have none ({@code Prefer}: 202 at once; {@code cursor}: a page in the middle).
     */
    @Test
    void everyRequestBodyAndParameterHasAnExampleThatWorksAsPreFilled() {
        JsonNode doc = http.get("/v3/api-docs").json();

        JsonNode start = doc.at("/paths/~1sessions/post/requestBody/content/application~1json/examples");
        assertThat(start.propertyNames()).first().isEqualTo("embedded");
        assertThat(start.at("/embedded/value").toString()).isEqualTo("{\"studentId\":\"001234567\"}");
        for (JsonNode path : doc.get("paths")) {
            for (JsonNode operation : path) {
                for (JsonNode body : operation.at("/requestBody/content")) {
                    assertThat(body.has("example") || body.has("examples"))
                            .as(operation.get("operationId").asString())
                            .isTrue();
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    String name = parameter.get("name").asString();
                    boolean example = parameter.has("example")
                            || parameter.at("/schema/example").isValueNode();
                    assertThat(example)
                            .as(operation.get("operationId").asString() + " " + name)
                            .isEqualTo(!List.of("Prefer", "cursor").contains(name));
                }
            }
        }
    }

    @Test
    void theDocumentSaysWhereTheTokenIs() {
        JsonNode doc = http.get("/v3/api-docs").json();

        assertThat(doc.at("/info/description").asString()).contains("Authorize", "flagrunner-token");
        assertThat(doc.at("/components/securitySchemes/bearer/description").asString())
                .contains("flagrunner-token", "working directory", "flagrunner.security.tokens");
    }

    /** README's row "anyone" of the roles table stays true: each path it lists answers without a token. */
    @Test
    void theReadmesPublicPathsAnswerWithoutAToken() throws IOException {
        String row = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("| anyone |"))
                .findFirst()
                .orElseThrow();
        List<String> paths = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("`(?:GET )?(/[^`]*)`").matcher(row);
        while (m.find()) {
            paths.add(m.group(1));
        }

        assertThat(paths).contains("/", "/v3/api-docs", "/swagger-ui.html");
        for (String path : paths) {
            Http.Response response = http.anonymous().get(path);
            assertThat(response.status()).as(path).isIn(200, 302);
            if (response.status() == 302) {
                assertThat(http.anonymous().get(response.header("Location")).status())
                        .as(path + " -> " + response.header("Location"))
                        .isIn(200, 302);
            }
        }
        assertThat(http.anonymous().get("/").header("Location")).isEqualTo("/swagger-ui.html");
    }

    /** The build's version (build-info of spring-boot-maven-plugin) in /actuator/info, for a token with read. */
    @Test
    void actuatorInfoGivesTheBuildVersion() {
        JsonNode info = http.get("/actuator/info").json();

        assertThat(info.at("/build/version").asString()).isNotBlank().isEqualTo(pomVersion());
        assertThat(info.at("/build/artifact").asString()).isEqualTo("flagrunner");
        assertThat(info.at("/app/name").asString()).isEqualTo("Flagrunner");
    }

    private static String pomVersion() {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "</parent>.*?<version>([^<]+)</version>", java.util.regex.Pattern.DOTALL)
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertThat(m.find()).isTrue();
            return m.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
