package dev.flagrunner.web;

import dev.flagrunner.paging.InvalidPageRequestException;
import dev.flagrunner.refusal.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.Assert;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception to an RFC 9457 problem of the {@link ProblemType} catalogue (docs/api.md lists it). Nothing reaches a caller as a 500 unless it is a bug, and then without details.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        ProblemDetail body = Problems.body(e.type(), e.getMessage());
        if (!e.errors().isEmpty()) {
            body.setProperty("errors", e.errors());
        }
        return ResponseEntity.status(e.type().status()).headers(headers).body(body);
    }

    /** A refusal in the domain's words, answered as its entry of the catalogue. */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return apiProblem(RefusalProblems.problem(e));
    }

    /** A {@code limit} or {@code cursor} that is not one: {@code /problems/validation} naming the parameter. */
    @ExceptionHandler(InvalidPageRequestException.class)
    ResponseEntity<ProblemDetail> invalidPage(InvalidPageRequestException e) {
        return apiProblem(new ApiProblem(
                ProblemType.VALIDATION,
                e.getMessage(),
                Map.of(),
                List.of(new FieldError(e.parameter(), e.requirement()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(String::valueOf)
                                        .toList())
                : "has an invalid value";
        ProblemDetail body = Problems.body(ProblemType.VALIDATION, "parameter '" + e.getName() + "' " + message);
        body.setProperty("errors", List.of(new FieldError(e.getName(), message)));
        return ResponseEntity.badRequest().body(body);
    }

    /**
     * Actuator's health endpoint fails this way for a path below a component that has no members
     * ({@code /actuator/health/a/b}, {@code /actuator/health/..;/env}): its walk down the path asserts that each
     * step found a contributor. Nothing is there, it is no bug of ours. Told by who threw it (the health endpoint's
     * own code, not its message text, which a new Boot may reword), on a path below the endpoint.
     */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> illegalState(IllegalStateException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health/")
                && thrownByTheHealthEndpoint(e)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Problems.body(ProblemType.NOT_FOUND, StatusProblems.containerDetail(404)));
        }
        return unexpected(e);
    }

    /** True when the code that threw (below Spring's {@code Assert}) is in the package of Actuator's health endpoint. */
    static boolean thrownByTheHealthEndpoint(Throwable e) {
        String endpoint = HealthEndpointWebExtension.class.getPackageName();
        return Arrays.stream(e.getStackTrace())
                .map(StackTraceElement::getClassName)
                .filter(thrower -> !thrower.equals(Assert.class.getName()))
                .findFirst()
                .map(thrower -> thrower.startsWith(endpoint + ".") && thrower.indexOf('.', endpoint.length() + 1) < 0)
                .orElse(false);
    }

    /**
     * Tomcat parses the query string when a parameter is first read and throws if it is not correctly
     * percent-encoded (or has too many parameters). The client's mistake, not ours: a 400, and the log
     * keeps neither a stack trace nor Tomcat's message, which quotes the raw value.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unparseableQuery(InvalidParameterException e, WebRequest request) {
        log.debug("refused a request whose query string could not be parsed: {}", request.getDescription(false));
        return ResponseEntity.badRequest()
                .body(
                        Problems.body(
                                ProblemType.MALFORMED_REQUEST,
                                "the query string could not"
                                        + " be parsed: a parameter is not correctly percent-encoded UTF-8, or there are too many"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error in a request", e);
        return ResponseEntity.internalServerError()
                .body(Problems.body(
                        ProblemType.INTERNAL_ERROR, "an unexpected error occurred; the service log has the details"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(f -> new FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail body = Problems.body(
                ProblemType.VALIDATION,
                "invalid request body: "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .map(m -> m.field() + " " + m.message())
                                        .toList()));
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                // The body deadline (DeadlineNioProtocol) or a read timeout: the caller sent too slowly.
                return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT)
                        .header(HttpHeaders.CONNECTION, "close")
                        .body(Problems.body(
                                ProblemType.REQUEST_TIMEOUT,
                                "the request body did not arrive within " + "flagrunner.web.body-deadline"));
            }
            if (c instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.body(ProblemType.BODY_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().body(Problems.body(ProblemType.MALFORMED_BODY, BodyErrors.describe(e)));
    }

    /** Gives the problems that Spring MVC itself raises the catalogue's type and title instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
            String detail = ownDetail(status.value(), headers);
            if (detail != null) {
                problem.setDetail(detail);
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** The service's own words for Spring MVC's refusals, which otherwise quote the framework ("No static resource"). */
    private static String ownDetail(int status, HttpHeaders headers) {
        return switch (status) {
            case 404 -> StatusProblems.containerDetail(404);
            case 405 ->
                "the method is not allowed here; allowed: "
                        + String.join(
                                ", ",
                                headers.getAllow().stream()
                                        .map(Object::toString)
                                        .sorted()
                                        .toList());
            case 406 ->
                "the response can only be " + MediaType.toString(headers.getAccept())
                        + ": the request's Accept names none of them";
            case 415 -> "the body must be " + MediaType.toString(headers.getAccept());
            default -> null;
        };
    }
}
