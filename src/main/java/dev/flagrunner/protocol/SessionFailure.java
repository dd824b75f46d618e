package dev.flagrunner.protocol;

import dev.flagrunner.text.Quoter;
import java.util.Arrays;

/**
 * A session that ended without a flag: the reason and a human detail. The detail names the question
 * number and quotes at most 80 characters of server text ({@link #SERVER_TEXT}); it never carries a flag.
 */
public final class SessionFailure extends Exception {

    /**
     * How a detail quotes server text: at most 80 characters, and not at all when it holds an end keyword
     * ({@code BYE}, {@code SUCC}: a flag's neighbour in any dialect) or a flag-like run.
     */
    static final Quoter SERVER_TEXT = new Quoter(
            80,
            Arrays.stream(Dialect.EndForm.values())
                    .map(Dialect.EndForm::keyword)
                    .toList());

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
