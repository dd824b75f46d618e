package dev.flagrunner.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's head as strictly as README promises, before anything runs:
 * <ul>
 * <li>HTTP/0.9 (a request line without a version) is refused: the connection is closed with nothing sent, since such
 * a client could not read a status line;
 * <li>an {@code Accept} that cannot be parsed, or whose every range has {@code q=0}, is {@code 406}; a range with
 * {@code q=0} is left out of content negotiation (Spring would otherwise still choose it);
 * <li>a {@code Content-Encoding} the service would have to decode is {@code 415};
 * <li>a query parameter given twice is {@code 400 /problems/validation} (every parameter of the API is
 * single-valued), and one given with an empty value is as if not given, for every operation.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after HostNameFilter
class StrictRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getProtocol().startsWith("HTTP/1.")
                && !request.getProtocol().startsWith("HTTP/2")) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            return;
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            Problems.write(
                    request,
                    response,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the service does not decode a"
                            + " request's Content-Encoding: send the body unencoded, without the header");
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            Problems.write(
                    request,
                    response,
                    ProblemType.NOT_ACCEPTABLE,
                    "the Accept header cannot be parsed as" + " media ranges (e.g. Accept: application/json)");
            return;
        }
        List<MediaType> wanted =
                accepted.stream().filter(type -> type.getQualityValue() > 0).toList();
        if (!accepted.isEmpty() && wanted.isEmpty()) {
            Problems.write(
                    request,
                    response,
                    ProblemType.NOT_ACCEPTABLE,
                    "the Accept header accepts nothing: every" + " range in it has q=0");
            return;
        }
        Set<String> repeated = repeatedParameters(request.getQueryString());
        if (!repeated.isEmpty()) {
            Problems.write(
                    request,
                    response,
                    ProblemType.VALIDATION,
                    "parameter " + String.join(", ", repeated)
                            + " is given more than once: each parameter takes one value",
                    repeated.stream()
                            .map(name -> new FieldError(name, "must be given once"))
                            .toList());
            return;
        }
        chain.doFilter(new StrictRequest(request, wanted.size() == accepted.size() ? null : wanted), response);
    }

    /** The query's parameter names that occur more than once, as shown in a problem. */
    private static Set<String> repeatedParameters(String query) {
        Set<String> seen = new TreeSet<>();
        Set<String> repeated = new TreeSet<>();
        for (String name : QueryNames.of(query)) {
            if (!seen.add(name)) {
                repeated.add(QueryNames.shown(name));
            }
        }
        return repeated;
    }

    /** Hides empty-valued parameters, and the Accept ranges with q=0 when {@code accept} is not null. */
    private static final class StrictRequest extends HttpServletRequestWrapper {
        private final List<MediaType> accept;
        private Map<String, String[]> parameters;

        StrictRequest(HttpServletRequest request, List<MediaType> accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return accept != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? MediaType.toString(accept)
                    : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return accept != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(MediaType.toString(accept)))
                    : super.getHeaders(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> kept = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    if (!(values.length == 1 && values[0].isEmpty())) {
                        kept.put(name, values);
                    }
                });
                parameters = Collections.unmodifiableMap(kept);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
