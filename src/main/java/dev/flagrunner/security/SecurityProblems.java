package dev.flagrunner.security;

import dev.flagrunner.config.Role;
import dev.flagrunner.web.ProblemType;
import dev.flagrunner.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 {@code /problems/unauthorized} (with {@code WWW-Authenticate: Bearer}) and 403 {@code /problems/forbidden}
 * from the problem catalogue, written in the filter chain, before Spring MVC.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // A token that was sent and refused is RFC 6750's invalid_token; no token at all is just a challenge.
        boolean tokenRefused = e instanceof BadCredentialsException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.write(
                request,
                response,
                ProblemType.UNAUTHORIZED,
                tokenRefused
                        ? e.getMessage()
                        : "this needs a token: send 'Authorization: Bearer <token>' (README, section Security)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Caller caller = Caller.current();
        String needs = AccessRules.of(request)
                .map(rule -> "needs the role " + String.join(" or ", rule.roleKeys()))
                .orElse("is not allowed to it");
        Problems.write(
                request,
                response,
                ProblemType.FORBIDDEN,
                request.getMethod() + " " + path(request) + " "
                        + needs + "; the token '" + caller.name() + "' has "
                        + caller.roles().stream().map(Role::key).sorted().toList());
    }

    /** The path without anything a caller could use to inject text into the detail. */
    private static String path(HttpServletRequest request) {
        String clean = request.getRequestURI()
                .substring(request.getContextPath().length())
                .replaceAll("[^A-Za-z0-9/_.-]", "");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
