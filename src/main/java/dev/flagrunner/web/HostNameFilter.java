package dev.flagrunner.web;

import dev.flagrunner.config.FlagrunnerProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only for the host names it is configured for: the loopback names, the bind address and
 * {@code flagrunner.web.allowed-host-names}. Any other {@code Host} is {@code 421 /problems/misdirected-request}
 * before anything runs, so a page that rebinds its own DNS name to 127.0.0.1 can neither read flags nor start
 * sessions, and no other name is ever echoed into a link (OpenAPI's servers, Actuator's links). The detail
 * names no allowed host: an internal name added to the list is not told to whoever asks with a wrong one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostNameFilter extends OncePerRequestFilter {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final Set<String> allowed = new TreeSet<>();

    HostNameFilter(FlagrunnerProperties properties, @Value("${server.address:}") String bindAddress) {
        allowed.addAll(LOOPBACK);
        if (!bindAddress.isBlank() && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            allowed.add(normalize(bindAddress));
            if (bindAddress.contains(":") && !bindAddress.startsWith("[")) {
                allowed.add("[" + normalize(bindAddress) + "]");
            }
        }
        properties.web().allowedHostNames().forEach(name -> allowed.add(normalize(name)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Tomcat's server name: the Host header without its port, or the local address when a request has none.
        if (allowed.contains(normalize(request.getServerName()))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Connection", "close");
        Problems.write(
                request,
                response,
                ProblemType.MISDIRECTED_REQUEST,
                // The allowed names are the operator's to know: a rebinding page learns none of them.
                "this service does not answer for the host name in the request"
                        + " (flagrunner.web.allowed-host-names adds names)");
    }

    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
