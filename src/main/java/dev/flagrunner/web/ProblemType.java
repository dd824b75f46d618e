package dev.flagrunner.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of every problem the service answers with: its slug ({@code type} is {@code /problems/<slug>}),
 * its HTTP status and its title. docs/api.md's problem table lists the same entries; nothing else in the service
 * names a slug. A producer throws {@link #exception(String)} (a controller or service) or calls
 * {@link Problems#write} (a servlet filter, which runs before Spring MVC).
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body"),
    UNKNOWN_TARGET("unknown-target", HttpStatus.BAD_REQUEST, "Unknown target"),
    UNKNOWN_DIALECT("unknown-dialect", HttpStatus.BAD_REQUEST, "Unknown dialect"),
    TARGET_UNAVAILABLE("target-unavailable", HttpStatus.BAD_REQUEST, "Target unavailable"),
    /**
     * Any other mistake of the request; the body's {@code status} may be another 4xx, or 501 and 505 (an unknown
     * transfer coding or HTTP version: the request's doing too).
     */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    ENDPOINT_NOT_ALLOWED("endpoint-not-allowed", HttpStatus.FORBIDDEN, "Endpoint not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    SESSION_NOT_FOUND("session-not-found", HttpStatus.NOT_FOUND, "Session not found"),
    NO_CERTIFICATE("no-certificate", HttpStatus.NOT_FOUND, "No certificate"),
    NO_LISTENER("no-listener", HttpStatus.NOT_FOUND, "No listener"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request timeout"),
    SESSION_ENDED("session-ended", HttpStatus.CONFLICT, "Session ended"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    MISDIRECTED_REQUEST("misdirected-request", HttpStatus.MISDIRECTED_REQUEST, "Misdirected request"),
    TOO_MANY_SESSIONS("too-many-sessions", HttpStatus.TOO_MANY_REQUESTS, "Too many sessions"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    SHUTTING_DOWN("shutting-down", HttpStatus.SERVICE_UNAVAILABLE, "Shutting down"),
    /** The durable store could not write the session's start (a full disk): nothing started, nothing is lost. */
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem's {@code type}: {@code /problems/<slug>}. */
    public URI type() {
        return URI.create("/problems/" + slug);
    }

    /** The exception a controller or service throws to answer with this problem. */
    public ApiProblem exception(String detail) {
        return new ApiProblem(this, detail);
    }

    /**
     * The entry for an error known only by its status (raised by Spring MVC or the container): the generic one of
     * that status, else {@link #BAD_REQUEST} for a 4xx, 501 or 505 and {@link #INTERNAL_ERROR} for the rest.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 421 -> MISDIRECTED_REQUEST;
            case 503 -> SHUTTING_DOWN;
            default -> status < 500 || status == 501 || status == 505 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
