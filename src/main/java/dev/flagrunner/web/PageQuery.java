package dev.flagrunner.web;

import dev.flagrunner.paging.PageRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The paging parameters of a list operation as a controller takes them ({@code @ParameterObject PageQuery page}),
 * described once for OpenAPI. Both are read as text and checked by {@link PageRequest#of}, so a bad one is a
 * {@code /problems/validation} naming it.
 */
public record PageQuery(
        @Parameter(
                description = "how many items a page holds: 1 to 1000, 100 when not given",
                example = "100",
                schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
        String limit,

        // No example: Swagger UI would pre-fill it, and a first page tried out would start in the middle.
        @Parameter(
                description = "where the page starts: the cursor in the Link rel=\"next\" of the page before"
                        + " (e.g. 812); not given, the newest",
                schema = @Schema(type = "string", pattern = PageRequest.CURSOR_PATTERN))
        String cursor) {

    /** The {@code Link} header of a page ({@link PageResponses}), for OpenAPI. */
    public static final String LINK = "<the next page's path and query>; rel=\"next\", while more items remain;"
            + " following it visits every item once, even while new ones are added (they are on the first page)";

    public PageRequest request() {
        return PageRequest.of(limit, cursor);
    }
}
