package dev.flagrunner.web;

/**
 * The problem of an error known only by its HTTP status, answered by the servlet container before (or instead of)
 * any handler: the {@link ProblemType} and a fixed detail.
 */
final class StatusProblems {

    private StatusProblems() {}

    /** The container's 400 means it could not parse the request at all. */
    static ProblemType containerType(int status) {
        return status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
    }

    /** A fixed text: nothing of the request is echoed (it may hold a flag, or be hostile). */
    static String containerDetail(int status) {
        return switch (status) {
            case 400 ->
                "the request could not be parsed: a path with an encoded '/' or NUL, characters a URI may"
                        + " not hold, a query string that is not percent-encoded UTF-8, or a request line or headers"
                        + " over the size limit";
            case 404 -> "there is nothing here";
            case 500 -> "an unexpected error occurred; the service log has the details";
            default -> "the request was refused: " + containerType(status).title() + " (" + status + ")";
        };
    }

    /** The problem as JSON text, for places without a message converter (Tomcat's error report). */
    static String containerJson(int status, String requestUri) {
        return Problems.json(containerType(status), status, containerDetail(status), requestUri);
    }
}
