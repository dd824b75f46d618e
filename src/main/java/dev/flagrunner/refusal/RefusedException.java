package dev.flagrunner.refusal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request refused for a {@link Refusal}, with a detail for the caller (which names no secret) and, where waiting
 * helps, how long to wait before trying again.
 */
public class RefusedException extends RuntimeException {

    private final Refusal reason;
    private final Duration retryAfter;

    public RefusedException(Refusal reason, String detail) {
        this(reason, detail, null);
    }

    /** @param retryAfter how long to wait before trying again; null where waiting does not help */
    public RefusedException(Refusal reason, String detail, Duration retryAfter) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public Refusal reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
