package dev.flagrunner.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns a {@link ProblemType} into an RFC 9457 body: a {@link ProblemDetail} for Spring MVC,
 * or the JSON text itself for code that runs before it (a servlet filter, Tomcat's error report). A filter writes
 * its refusal with {@code Problems.write(request, response, ProblemType.UNAUTHORIZED, "a bearer token is needed")}.
 */
public final class Problems {

    /** {@code application/problem+json;charset=UTF-8}: JSON is UTF-8, and Tomcat would otherwise say ISO-8859-1. */
    public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /**
     * Answers the request with the problem, for code outside Spring MVC (a servlet filter). The detail must not
     * quote a secret: it goes to the caller as written.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        write(request, response, type, detail, List.of());
    }

    /** As above, with the invalid parameters of a {@link ProblemType#VALIDATION} problem as its {@code errors}. */
    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            List<FieldError> errors)
            throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(CONTENT_TYPE);
        response.getOutputStream()
                .write(json(type, type.status().value(), detail, request.getRequestURI(), errors)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The body Spring MVC writes (its converter adds {@code instance}, the request's path). */
    static ProblemDetail body(ProblemType type, String detail) {
        return body(type, type.status().value(), detail);
    }

    static ProblemDetail body(ProblemType type, int status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        body.setType(type.type());
        body.setTitle(type.title());
        return body;
    }

    /** The problem as JSON text, with the members in the order Spring MVC writes them (alphabetical). */
    static String json(ProblemType type, int status, String detail, String requestUri) {
        return json(type, status, detail, requestUri, List.of());
    }

    private static String json(
            ProblemType type, int status, String detail, String requestUri, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        URI instance = instance(requestUri);
        if (instance != null) {
            body.put("instance", instance.toString());
        }
        body.put("status", status);
        body.put("title", type.title());
        body.put("type", type.type().toString());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return JSON.writeValueAsString(body);
    }

    /**
     * The path a problem is about, as {@code instance}: the request's path with any character a URI path may not
     * hold dropped (the raw path may be hostile; nothing of it is echoed beyond a plain path).
     */
    static URI instance(String requestUri) {
        if (requestUri == null || requestUri.isEmpty()) {
            return null;
        }
        String path = requestUri.replaceAll("[^A-Za-z0-9/_.~-]", "");
        return URI.create(path.length() > 200 ? path.substring(0, 200) : path);
    }
}
