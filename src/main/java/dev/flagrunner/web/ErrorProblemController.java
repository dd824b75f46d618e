package dev.flagrunner.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The container's error page ({@code /error}) as an RFC 9457 problem, whatever the request accepts. It sees
 * the errors no {@code @ExceptionHandler} does: a method Tomcat refuses itself (TRACE), an exception or a
 * {@code sendError} in a filter. Replaces Boot's {@code BasicErrorController} and its {"timestamp":…} body
 * or Whitelabel page.
 */
@Hidden // the container's error page, not an operation of the API
@RestController
class ErrorProblemController implements ErrorController {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    ErrorProblemController(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        // Asked for directly, /error has no error to show: there is nothing at that path.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : null;
        String detail = StatusProblems.containerDetail(status);
        if (status == 405 && uri != null) {
            // Tomcat's Allow header for a TRACE names the methods DispatcherServlet implements, not this resource's.
            Set<String> allowed =
                    allowedMethods(uri.substring(request.getContextPath().length()));
            if (allowed.isEmpty()) {
                status = 404;
                detail = StatusProblems.containerDetail(404);
                response.setHeader(HttpHeaders.ALLOW, null);
            } else {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
                // An error dispatch is a GET (Servlet 6.1); the request's own method is an attribute.
                detail = "the method " + request.getAttribute(RequestDispatcher.ERROR_METHOD)
                        + " is not allowed here; allowed: " + String.join(", ", allowed);
            }
        }
        ProblemDetail problem = Problems.body(StatusProblems.containerType(status), status, detail);
        problem.setInstance(Problems.instance(uri));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The methods that Spring MVC maps at this path (Spring's own 405 lists the same). */
    private Set<String> allowedMethods(String path) {
        PathContainer container = PathContainer.parsePath(path);
        Set<String> methods = new TreeSet<>();
        mappings.orderedStream().forEach(mapping -> {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null
                        || info.getMethodsCondition().getMethods().isEmpty()) {
                    continue;
                }
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    if (pattern.matches(container)) {
                        info.getMethodsCondition().getMethods().stream()
                                .map(RequestMethod::name)
                                .forEach(methods::add);
                    }
                }
            }
        });
        return methods;
    }
}
