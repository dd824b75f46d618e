package dev.flagrunner.web;

import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import java.util.Map;

/**
 * Where the domain's refusals become HTTP: each {@link Refusal} has its entry of the problem catalogue (and with it
 * the status), and a wait becomes {@code Retry-After} in whole seconds. A new refusal does not compile until it has
 * one here.
 */
final class RefusalProblems {

    private RefusalProblems() {}

    static ProblemType typeOf(Refusal refusal) {
        return switch (refusal) {
            case INVALID -> ProblemType.VALIDATION;
            case UNKNOWN_TARGET -> ProblemType.UNKNOWN_TARGET;
            case UNKNOWN_DIALECT -> ProblemType.UNKNOWN_DIALECT;
            case TARGET_UNAVAILABLE -> ProblemType.TARGET_UNAVAILABLE;
            case ENDPOINT_NOT_ALLOWED -> ProblemType.ENDPOINT_NOT_ALLOWED;
            case NOT_PERMITTED -> ProblemType.FORBIDDEN;
            case SESSION_NOT_FOUND -> ProblemType.SESSION_NOT_FOUND;
            case SESSION_ENDED -> ProblemType.SESSION_ENDED;
            case TOO_MANY_SESSIONS -> ProblemType.TOO_MANY_SESSIONS;
            case SHUTTING_DOWN -> ProblemType.SHUTTING_DOWN;
            case STORE_UNAVAILABLE -> ProblemType.STORE_UNAVAILABLE;
        };
    }

    static ApiProblem problem(RefusedException e) {
        Map<String, String> headers = e.retryAfter()
                .map(wait -> Map.of("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))))
                .orElse(Map.of());
        return new ApiProblem(typeOf(e.reason()), e.getMessage(), headers);
    }
}
