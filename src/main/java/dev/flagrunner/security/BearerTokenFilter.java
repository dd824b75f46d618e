package dev.flagrunner.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750) and, when the token is known, makes its {@link Caller}
 * the request's. No header leaves the request unauthenticated (a path that needs a role then answers 401); a
 * header that is not one bearer token, or an unknown token, is answered 401 at once and counted in
 * {@code flagrunner.auth.failures}. In open mode every request is the {@link Caller#OPEN} caller.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** RFC 6750's b64token, bounded: a longer header is no token the service made or accepts. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{1,512}=*");

    private static final String SCHEME = "Bearer ";

    private final AuthenticationProvider tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final AuthFailures failures;
    private final Caller openCaller;

    /** @param openCaller the caller of every request in open mode; null when tokens are required */
    BearerTokenFilter(
            AuthenticationProvider tokens,
            AuthenticationEntryPoint entryPoint,
            AuthFailures failures,
            Caller openCaller) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.failures = failures;
        this.openCaller = openCaller;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (openCaller != null) {
            authenticateAs(BearerAuthentication.of(openCaller));
            chain.doFilter(request, response);
            return;
        }
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String header = headers.get(0);
        if (headers.size() > 1
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !B64TOKEN.matcher(header.substring(SCHEME.length()).strip()).matches()) {
            refuse(
                    request,
                    response,
                    AuthFailures.Reason.MALFORMED,
                    "the Authorization header is not one 'Bearer <token>'");
            return;
        }
        try {
            authenticateAs(tokens.authenticate(BearerAuthentication.unchecked(
                    header.substring(SCHEME.length()).strip())));
        } catch (AuthenticationException unknown) {
            refuse(request, response, AuthFailures.Reason.UNKNOWN_TOKEN, unknown.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void authenticateAs(org.springframework.security.core.Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, AuthFailures.Reason reason, String detail)
            throws IOException, ServletException {
        failures.count(reason);
        SecurityContextHolder.clearContext();
        entryPoint.commence(request, response, new BadCredentialsException(detail));
    }
}
