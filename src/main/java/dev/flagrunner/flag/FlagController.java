package dev.flagrunner.flag;

import dev.flagrunner.paging.Page;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.security.Caller;
import dev.flagrunner.web.PageQuery;
import dev.flagrunner.web.PageResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /flags} and {@code GET /flags/{studentId}}: captured flags, newest first, paged, as JSON or, on
 * {@code Accept: text/csv}, as CSV ({@link FlagCsv}) with the same pages and {@code Link}; on
 * {@code Accept: application/x-ndjson} every flag the caller may see in one streamed answer, a JSON object a line,
 * read from the store a page at a time so it never holds them all. A caller without the role {@code read} sees only
 * the flags of the sessions it started.
 */
@RestController
class FlagController {

    static final String NDJSON = "application/x-ndjson";
    /** How many flags the stream takes from the store at a time. */
    private static final int EXPORT_PAGE = PageRequest.MAX_LIMIT;

    private final FlagStore store;
    private final JsonMapper json;

    FlagController(FlagStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Operation(summary = "The captured flags, newest first, a page at a time (JSON, or CSV on Accept: text/csv)")
    @FlagPageResponse("the flags (an empty list when none); as CSV: a header row, then a row a flag (RFC 4180;"
            + " a cell that starts like a formula is prefixed with an apostrophe)")
    @GetMapping(
            value = "/flags",
            produces = {MediaType.APPLICATION_JSON_VALUE, FlagCsv.MEDIA_TYPE})
    ResponseEntity<?> list(
            @Parameter(description = "only this student's flags", example = "001234567") @RequestParam(required = false)
                    String studentId,
            @ParameterObject PageQuery page,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        return answer(store.page(studentId, Caller.current(), page.request()), accept, request);
    }

    @Operation(summary = "One student's captured flags, newest first, a page at a time (JSON, or CSV)")
    @FlagPageResponse("the flags (an empty list when the student has none, not a 404); CSV as for GET /flags")
    @GetMapping(
            value = "/flags/{studentId}",
            produces = {MediaType.APPLICATION_JSON_VALUE, FlagCsv.MEDIA_TYPE})
    ResponseEntity<?> ofStudent(
            @Parameter(description = "the student id the sessions said HELLO with", example = "001234567") @PathVariable
                    String studentId,
            @ParameterObject PageQuery page,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        return answer(store.page(studentId, Caller.current(), page.request()), accept, request);
    }

    /** JSON unless the caller accepts CSV and not JSON (a browser's Accept and {@code * / *} get JSON). */
    private static ResponseEntity<?> answer(Page<CapturedFlag> page, String accept, HttpServletRequest request) {
        ResponseEntity<List<CapturedFlag>> asJson = PageResponses.of(page, request);
        if (!wantsCsv(accept)) {
            return asJson;
        }
        return ResponseEntity.ok()
                .headers(asJson.getHeaders())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(FlagCsv.of(page.items()));
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        // The most specific first, then (a stable sort) the highest quality first: text/csv beats */* at equal q.
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType m : accepted) {
            if (m.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (m.isCompatibleWith(MediaType.parseMediaType(FlagCsv.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
    }

    @Operation(summary = "Every flag the caller may see, newest first, streamed as newline-delimited JSON (an export)")
    @ApiResponse(
            responseCode = "200",
            description = "a JSON object a line, every flag in one answer (no paging); flags captured while it"
                    + " streams may or may not be in it",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = CapturedFlag.class)))
    @GetMapping(value = "/flags", produces = NDJSON)
    void export(
            @Parameter(description = "only this student's flags") @RequestParam(required = false) String studentId,
            HttpServletResponse response)
            throws IOException {
        stream(studentId, response);
    }

    @Operation(summary = "Every flag of one student the caller may see, streamed as newline-delimited JSON")
    @ApiResponse(
            responseCode = "200",
            description = "a JSON object a line, every flag of the student in one answer (no paging)",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = CapturedFlag.class)))
    @GetMapping(value = "/flags/{studentId}", produces = NDJSON)
    void exportOfStudent(
            @Parameter(description = "the student id the sessions said HELLO with", example = "001234567") @PathVariable
                    String studentId,
            HttpServletResponse response)
            throws IOException {
        stream(studentId, response);
    }

    /**
     * Writes the flags a page of the store at a time, on the request's thread (an asynchronous body would be
     * dispatched again through the security filters); only one page is held at once.
     */
    private void stream(String studentId, HttpServletResponse response) throws IOException {
        Caller caller = Caller.current();
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        Long cursor = Long.MAX_VALUE;
        while (cursor != null) {
            Page<CapturedFlag> page = store.page(studentId, caller, new PageRequest(EXPORT_PAGE, cursor));
            StringBuilder lines = new StringBuilder();
            for (CapturedFlag f : page.items()) {
                lines.append(json.writeValueAsString(f)).append('\n');
            }
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            cursor = page.next();
        }
        out.flush();
    }
}
