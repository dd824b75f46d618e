package dev.flagrunner.session;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * {@code /sessions}: start, watch, list and cancel sessions (DESIGN.md §3). Every answer is JSON: a caller that
 * accepts no JSON gets {@code 406} before anything runs (a session started for it would be one it never sees).
 */
@RestController
@RequestMapping(path = "/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * Starts a session and waits up to {@code flagrunner.session.wait} for its end: 201 when it ended
     * (captured or failed: a failure is data), 202 while it still runs. {@code Prefer: respond-async}
     * answers 202 at once.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SessionView> start(@Valid @RequestBody SessionRequest request,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        SessionRecord record = sessions.start(request);
        boolean async = prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
        boolean ended = !async && sessions.awaitEnd(record, sessions.defaultWait());
        URI location = URI.create("/sessions/" + record.id());
        return ResponseEntity.status(ended ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(location)
                .body(record.view());
    }

    @GetMapping
    List<SessionView> list(@RequestParam(required = false) SessionStatus status) {
        return sessions.list(status);
    }

    @GetMapping("/{id}")
    SessionView get(@PathVariable String id) {
        return find(id).view();
    }

    /** Cancels a running session (its socket is closed) and answers with it once it has ended. */
    @DeleteMapping("/{id}")
    SessionView cancel(@PathVariable String id) {
        SessionRecord record = find(id);
        if (record.isRunning()) {
            record.client().cancel();
            sessions.awaitEnd(record, Duration.ofSeconds(5));
        }
        return record.view();
    }

    private SessionRecord find(String id) {
        return sessions.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "session-not-found",
                "Session not found", "no session with id '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                        + "' (the history keeps the newest flagrunner.session.history sessions)"));
    }
}
