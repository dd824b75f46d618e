package dev.flagrunner.protocol;

/**
 * A session that ended without a flag: the reason and a human detail. The detail names the question
 * number and quotes at most 80 characters of server text ({@link Quote}); it never carries a flag.
 */
public final class SessionFailure extends Exception {

    private final FailureReason reason;

    public SessionFailure(FailureReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public SessionFailure(FailureReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
