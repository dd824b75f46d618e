package dev.flagrunner.web;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses: an entry of the {@link ProblemType} catalogue with this request's detail (and
 * headers such as {@code Retry-After}). {@link ApiExceptionHandler} turns it into the problem body.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final Map<String, String> headers;
    private final List<FieldError> errors;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, Map<String, String> headers) {
        this(type, detail, headers, List.of());
    }

    /** With the invalid fields or parameters, for {@link ProblemType#VALIDATION}: the problem's {@code errors}. */
    ApiProblem(ProblemType type, String detail, Map<String, String> headers, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.headers = Map.copyOf(headers);
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }

    List<FieldError> errors() {
        return errors;
    }
}
