package dev.flagrunner.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
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
    @Schema(name = "Problem", description = "An RFC 9457 problem; README lists every type")
    record Problem(
            @Schema(description = "/problems/<slug>", example = "/problems/session-not-found",
                    requiredMode = RequiredMode.REQUIRED) String type,
            @Schema(example = "Session not found", requiredMode = RequiredMode.REQUIRED) String title,
            @Schema(description = "the HTTP status", example = "404", requiredMode = RequiredMode.REQUIRED) int status,
            @Schema(description = "what was wrong; it never quotes a flag", requiredMode = RequiredMode.REQUIRED)
                    String detail,
            @Schema(description = "the request's path", example = "/sessions/42") String instance,
            @Schema(description = "/problems/validation of a body field or a parameter only: each invalid one")
                    List<FieldError> errors) {

        /** Also what the service answers with: a record, so its keys come in this order in every response. */
        @Schema(name = "FieldError")
        record FieldError(@Schema(example = "studentId") String field,
                @Schema(example = "must not be blank") String message) {}
    }

    @Bean
    OpenApiCustomizer problemBodies() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            var schemas = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31).readAll(Problem.class);
            schemas.forEach(openApi.getComponents()::addSchemas);
            Content problem = new Content().addMediaType(MEDIA_TYPE, new MediaType()
                    .schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")));
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> operation.getResponses().entrySet().stream())
                    .filter(response -> response.getKey().charAt(0) >= '4')
                    .map(java.util.Map.Entry::getValue)
                    .forEach((ApiResponse response) -> response.setContent(problem));
        };
    }
}
