package dev.flagrunner.flag;

import dev.flagrunner.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /flags} and {@code GET /flags/{studentId}}: captured flags, newest first, as JSON only; a caller
 * without the role {@code read} sees only the flags of the sessions it started.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class FlagController {

    private final FlagStore store;

    FlagController(FlagStore store) {
        this.store = store;
    }

    @Operation(summary = "The captured flags, newest first")
    @ApiResponse(responseCode = "200", description = "the flags (an empty list when none)")
    @GetMapping("/flags")
    List<CapturedFlag> list(@Parameter(description = "only this student's flags") @RequestParam(required = false) String studentId) {
        return store.list(studentId, Caller.current());
    }

    @Operation(summary = "One student's captured flags, newest first")
    @ApiResponse(responseCode = "200", description = "the flags (an empty list when the student has none, not a 404)")
    @GetMapping("/flags/{studentId}")
    List<CapturedFlag> ofStudent(@PathVariable String studentId) {
        return store.list(studentId, Caller.current());
    }
}
