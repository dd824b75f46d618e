package dev.flagrunner.flag;

import dev.flagrunner.web.PageQuery;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;

/**
 * The OpenAPI 200 of a page of flags ({@code GET /flags}, {@code GET /flags/{studentId}}): JSON or CSV, with the
 * {@code Link} of the next page; each operation says in its own words what the page holds. springdoc reads it as
 * the {@link ApiResponse} it carries.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "200",
        headers = @Header(name = "Link", description = PageQuery.LINK, schema = @Schema(type = "string")),
        content = {
            @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = CapturedFlag.class))),
            @Content(mediaType = FlagCsv.MEDIA_TYPE, schema = @Schema(type = "string"))
        })
@interface FlagPageResponse {

    /** What the page holds, the response's description. */
    @AliasFor(annotation = ApiResponse.class, attribute = "description")
    String value();
}
