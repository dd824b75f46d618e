package dev.flagrunner.session;

import dev.flagrunner.security.Caller;
import dev.flagrunner.web.PageQuery;
import dev.flagrunner.web.PageResponses;
import dev.flagrunner.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sessions}: start, watch, list and cancel sessions (docs/architecture.md §3, §6.1). Every answer is JSON: a caller that
 * accepts no JSON gets {@code 406} before anything runs (a session started for it would be one it never sees).
 */
@RestController
@RequestMapping(path = "/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionController {

    private static final String LOCATION = "/sessions/{id} of the session";
    private static final String ID_EXAMPLE = "1ef637a6-84a3-40b2-92b5-14b7c936b52e";
    private static final String NOT_FOUND =
            "/problems/session-not-found: no session with that id in the history" + " that this token may see";

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * Starts a session and waits up to {@code flagrunner.session.wait} for its end: 201 when it ended
     * (captured or failed: a failure is data), 202 while it still runs. {@code Prefer: respond-async}
     * answers 202 at once.
     */
    @Operation(summary = "Start a session against a target and wait up to flagrunner.session.wait for its end")
    @ApiResponse(
            responseCode = "201",
            description = "the session ended: captured, or failed (a failure is data)",
            headers = @Header(name = "Location", description = LOCATION, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "202",
            description = "the session still runs (at once with Prefer: respond-async)",
            headers = @Header(name = "Location", description = LOCATION, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "/problems/validation, /problems/malformed-body,"
                    + " /problems/malformed-request, /problems/unknown-target, /problems/unknown-dialect,"
                    + " /problems/target-unavailable")
    @ApiResponse(
            responseCode = "403",
            description = "/problems/endpoint-not-allowed: the request's host and port are"
                    + " not an embedded listener, a configured target or an entry of flagrunner.allowed-endpoints")
    @ApiResponse(responseCode = "406", description = "/problems/not-acceptable: an Accept without JSON")
    @ApiResponse(responseCode = "413", description = "/problems/body-too-large: a body over 64 KiB")
    @ApiResponse(responseCode = "415", description = "/problems/unsupported-media-type: a body that is not JSON")
    @ApiResponse(
            responseCode = "429",
            description = "/problems/too-many-sessions: flagrunner.session.max-concurrent"
                    + " sessions are running, or flagrunner.security.max-sessions-per-token of this token",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds to wait",
                            schema = @Schema(type = "integer", example = "1")))
    @ApiResponse(
            responseCode = "503",
            description = "/problems/shutting-down: the service is stopping; /problems/store-unavailable: the"
                    + " durable store could not record the start (nothing started)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SessionView> start(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "the student id, and optionally where to run the session (the default target"
                                    + " when none is named: the embedded server's status dialect, as shipped)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = {
                                                @ExampleObject(
                                                        name = "embedded",
                                                        summary = "a student on the default target (captures a flag"
                                                                + " as shipped)",
                                                        value = "{\"studentId\": \"001234567\"}"),
                                                @ExampleObject(
                                                        name = "tls",
                                                        summary = "the embedded server's eval2022 dialect over TLS",
                                                        value = "{\"studentId\": \"001234567\", \"dialect\":"
                                                                + " \"eval2022\", \"tls\": true}")
                                            }))
                    @Valid
                    @RequestBody
                    SessionRequest request,
            @Parameter(
                            description = "respond-async: answer 202 at once instead of waiting for the end (no"
                                    + " example: a pre-filled value would make every tried-out start answer 202)",
                            schema = @Schema(type = "string", allowableValues = "respond-async"))
                    @RequestHeader(name = "Prefer", required = false)
                    String prefer) {
        SessionRecord record = sessions.start(request, Caller.current());
        boolean async =
                prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
        boolean ended = !async && sessions.awaitEnd(record, sessions.defaultWait());
        URI location = URI.create("/sessions/" + record.id());
        return ResponseEntity.status(ended ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(location)
                .body(record.view());
    }

    @Operation(summary = "The bounded session history, newest first, a page at a time")
    @ApiResponse(
            responseCode = "200",
            description = "the sessions (an empty list when none)",
            headers = @Header(name = "Link", description = PageQuery.LINK, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "/problems/validation: an unknown status, a limit or cursor" + " that is not one")
    @GetMapping
    ResponseEntity<List<SessionView>> list(
            @Parameter(description = "only the sessions in this status", example = "FLAG_CAPTURED")
                    @RequestParam(required = false)
                    SessionStatus status,
            @ParameterObject PageQuery page,
            HttpServletRequest request) {
        return PageResponses.of(sessions.page(status, Caller.current(), page.request()), request);
    }

    @Operation(summary = "One session")
    @ApiResponse(responseCode = "200", description = "the session")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @GetMapping("/{id}")
    SessionView get(
            @Parameter(description = "the session's id (its Location)", example = ID_EXAMPLE) @PathVariable String id) {
        return find(id, Caller.current()).view();
    }

    /**
     * Cancels a running session (its socket is closed) and answers with it once it has ended. One that had ended
     * already is a conflict: nothing was cancelled, and a 200 would say otherwise.
     */
    @Operation(summary = "Cancel a running session (its socket is closed; status CANCELLED)")
    @ApiResponse(responseCode = "200", description = "the session once it has ended")
    @ApiResponse(responseCode = "403", description = "/problems/forbidden: the session was started by another token")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "/problems/session-ended: the session had ended already")
    @DeleteMapping("/{id}")
    SessionView cancel(
            @Parameter(description = "the session's id (its Location)", example = ID_EXAMPLE) @PathVariable String id) {
        Caller caller = Caller.current();
        return sessions.cancel(find(id, caller), caller).view();
    }

    private SessionRecord find(String id, Caller caller) {
        return sessions.find(id, caller)
                .orElseThrow(() -> ProblemType.SESSION_NOT_FOUND.exception(
                        "no session with id '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                                + "' (the history keeps the newest flagrunner.session.history sessions)"));
    }
}
