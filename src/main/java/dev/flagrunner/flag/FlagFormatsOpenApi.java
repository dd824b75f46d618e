package dev.flagrunner.flag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code Accept} header that springdoc adds to {@code GET /flags} and {@code /flags/{studentId}}, where one
 * path answers JSON, CSV and the streamed NDJSON export: said what it chooses, with JSON as the example, so that
 * Swagger UI's pre-filled request answers a page of JSON as it is.
 */
@Configuration(proxyBeanMethods = false)
class FlagFormatsOpenApi {

    @Bean
    OpenApiCustomizer flagFormats() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/flags")
                    || item.getGet() == null
                    || item.getGet().getParameters() == null) {
                return;
            }
            item.getGet().getParameters().stream()
                    .filter(p -> "header".equals(p.getIn()) && "Accept".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description("application/json (a page), text/csv (the same page as CSV) or" + " "
                                    + FlagController.NDJSON + " (every flag, streamed)")
                            .example("application/json"));
        });
    }
}
