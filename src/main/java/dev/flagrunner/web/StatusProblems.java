package dev.flagrunner.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The problem type, title and detail of an error known only by its HTTP status: one that Spring MVC raises
 * itself, or that the servlet container answers before (or instead of) any handler.
 */
final class StatusProblems {

    private StatusProblems() {}

    static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    /** The slug of a status from Spring MVC, whose request was parsed. */
    static String slugFor(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 501, 505 -> "bad-request"; // an unknown transfer coding or HTTP version: the request's doing
            default -> status < 500 ? "bad-request" : "internal-error";
        };
    }

    /** The slug of a status from the container: its 400 means it could not parse the request at all. */
    static String containerSlugFor(int status) {
        return status == 400 ? "malformed-request" : slugFor(status);
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    /** A fixed text: nothing of the request is echoed (it may hold a flag, or be hostile). */
    static String containerDetail(int status) {
        return switch (status) {
            case 400 -> "the request could not be parsed: a path with an encoded '/' or NUL, characters a URI may"
                    + " not hold, a query string that is not percent-encoded UTF-8, or a request line or headers"
                    + " over the size limit";
            case 404 -> "nothing is at this path";
            case 500 -> "an unexpected error occurred; the service log has the details";
            default -> "the request was refused: " + title(status);
        };
    }

    /** The problem as JSON text, for places without a message converter (Tomcat's error report). */
    static String containerJson(int status) {
        return "{\"type\":\"/problems/" + containerSlugFor(status) + "\",\"title\":\"" + title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + containerDetail(status) + "\"}";
    }
}
