package dev.flagrunner.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one home of the problem body in {@code /v3/api-docs}: the controllers' {@code @ApiResponse}s name each
 * error status and its problem types; this gives every 4xx and 5xx response the {@code application/problem+json}
 * content of {@link Problem}, as {@link ApiExceptionHandler} answers it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiProblems {

    static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Only a schema for the description: the service answers with Spring's {@code ProblemDetail}. */
    @Schema(name = "Problem", description = "An RFC 9457 problem; docs/api.md lists every type")
    record Problem(
            @Schema(
                    description = "/problems/<slug>",
                    example = "/problems/session-not-found",
                    requiredMode = RequiredMode.REQUIRED)
            String type,

            @Schema(example = "Session not found", requiredMode = RequiredMode.REQUIRED)
            String title,

            @Schema(description = "the HTTP status", example = "404", requiredMode = RequiredMode.REQUIRED)
            int status,

            @Schema(description = "what was wrong; it never quotes a flag", requiredMode = RequiredMode.REQUIRED)
            String detail,

            @Schema(description = "the request's path", example = "/sessions/42")
            String instance,

            @Schema(description = "/problems/validation of a body field or a parameter only: each invalid one")
            List<FieldError> errors) {}

    /** The errors any operation can answer with, besides those its controller names. */
    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "400",
                    "/problems/malformed-request: a request the service cannot parse; /problems/validation: a query"
                            + " parameter given twice or invalid",
            "405", "/problems/method-not-allowed: another method at this path (Allow names the methods)",
            "406", "/problems/not-acceptable: an Accept the answer cannot meet, cannot be parsed, or with q=0 only",
            "421", "/problems/misdirected-request: a Host the service does not answer for",
            "500", "/problems/internal-error: a bug in the service (its log has the details)");
    /** The errors of an operation that takes a body. */
    private static final Map<String, String> WITH_A_BODY = Map.of(
            "408", "/problems/request-timeout: the body did not arrive within flagrunner.web.body-deadline",
            "413", "/problems/body-too-large: a body over 64 KiB",
            "415", "/problems/unsupported-media-type: a body that is not JSON, or has a Content-Encoding");

    @Bean
    OpenApiCustomizer problemBodies() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            var schemas = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                    .readAll(Problem.class);
            schemas.forEach(openApi.getComponents()::addSchemas);
            Content problem = new Content()
                    .addMediaType(
                            MEDIA_TYPE,
                            new MediaType()
                                    .schema(new io.swagger.v3.oas.models.media.Schema<>()
                                            .$ref("#/components/schemas/Problem")));
            for (Operation operation : openApi.getPaths().values().stream()
                    .flatMap(p -> p.readOperations().stream())
                    .toList()) {
                EVERY_OPERATION.forEach((status, description) -> addIfAbsent(operation, status, description));
                if (operation.getRequestBody() != null) {
                    WITH_A_BODY.forEach((status, description) -> addIfAbsent(operation, status, description));
                }
                operation.getResponses().entrySet().stream()
                        .filter(response -> response.getKey().charAt(0) >= '4')
                        .forEach(response -> response.getValue().setContent(problem));
            }
            openApi.getComponents().getSchemas().values().forEach(OpenApiProblems::anchorPatterns);
            // When no scheme is declared (the security package declares the bearer one), it says so outright.
            if (openApi.getSecurity() == null) {
                openApi.setSecurity(new java.util.ArrayList<>());
            }
        };
    }

    private static void addIfAbsent(Operation operation, String status, String description) {
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description));
        }
    }

    /**
     * Bean Validation's {@code @Pattern} matches a whole value, an OpenAPI {@code pattern} anywhere in it: anchored,
     * the description says what the service checks.
     */
    private static void anchorPatterns(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema.getPattern() != null && !schema.getPattern().startsWith("^")) {
            schema.setPattern("^(?:" + schema.getPattern() + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiProblems::anchorPatterns);
        }
    }
}
