package dev.flagrunner.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives Actuator's bodiless errors a problem body: its endpoints answer some errors as a bare status with no body
 * and no Content-Type ({@code GET /actuator/health/nope} is an empty 404). Only {@code /actuator} is buffered; the
 * API's own errors are problems already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class EmptyErrorFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        int status = buffered.getStatus();
        if (status >= 400 && buffered.getContentSize() == 0 && !response.isCommitted()) {
            buffered.resetBuffer();
            ProblemType type = ProblemType.forStatus(status);
            Problems.write(request, buffered, type, StatusProblems.containerDetail(status));
            buffered.setStatus(status);
        }
        buffered.copyBodyToResponse();
    }
}
