package dev.flagrunner.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Declares the bearer scheme in {@code /v3/api-docs}: every operation needs a token, and may answer 401 without
 * one and 403 without its role. First of the customizers, so the problem schema is given to these responses too.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    static final String SCHEME = "bearer";
    private static final String UNAUTHORIZED = "/problems/unauthorized: no token, or one the service does not know";
    private static final String FORBIDDEN = "/problems/forbidden: the token lacks the role this needs";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OpenApiCustomizer bearerScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .description("Paste a token (without 'Bearer'). With no token configured it"
                                            + " is the contents of the file flagrunner-token in the service's working"
                                            + " directory (flagrunner.security.token-file; cat flagrunner-token);"
                                            + " else one whose SHA-256 is in flagrunner.security.tokens (README,"
                                            + " section Security). Roles: run, read, metrics"));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .forEach(operation -> addRefusals(operation.getResponses()));
        };
    }

    private static void addRefusals(ApiResponses responses) {
        responses.putIfAbsent("401", new ApiResponse().description(UNAUTHORIZED));
        ApiResponse forbidden = responses.get("403");
        if (forbidden == null) {
            responses.addApiResponse("403", new ApiResponse().description(FORBIDDEN));
        } else if (!forbidden.getDescription().contains("/problems/forbidden")) {
            forbidden.setDescription(forbidden.getDescription() + "; " + FORBIDDEN);
        }
    }
}
