package dev.flagrunner.flag;

import dev.flagrunner.security.Caller;
import dev.flagrunner.web.PageQuery;
import dev.flagrunner.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /flags} and {@code GET /flags/{studentId}}: captured flags, newest first, paged, as JSON only; a caller
 * without the role {@code read} sees only the flags of the sessions it started.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class FlagController {

    private final FlagStore store;

    FlagController(FlagStore store) {
        this.store = store;
    }

    @Operation(summary = "The captured flags, newest first, a page at a time")
    @ApiResponse(
            responseCode = "200",
            description = "the flags (an empty list when none)",
            headers = @Header(name = "Link", description = PageRequest.LINK, schema = @Schema(type = "string")))
    @GetMapping("/flags")
    ResponseEntity<List<CapturedFlag>> list(
            @Parameter(description = "only this student's flags", example = "001234567") @RequestParam(required = false)
                    String studentId,
            @ParameterObject PageQuery page,
            HttpServletRequest request) {
        return store.page(studentId, Caller.current(), page.request()).toResponse(request);
    }

    @Operation(summary = "One student's captured flags, newest first, a page at a time")
    @ApiResponse(
            responseCode = "200",
            description = "the flags (an empty list when the student has none, not a 404)",
            headers = @Header(name = "Link", description = PageRequest.LINK, schema = @Schema(type = "string")))
    @GetMapping("/flags/{studentId}")
    ResponseEntity<List<CapturedFlag>> ofStudent(
            @Parameter(description = "the student id the sessions said HELLO with", example = "001234567") @PathVariable
                    String studentId,
            @ParameterObject PageQuery page,
            HttpServletRequest request) {
        return store.page(studentId, Caller.current(), page.request()).toResponse(request);
    }
}
