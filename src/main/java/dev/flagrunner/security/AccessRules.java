package dev.flagrunner.security;

import dev.flagrunner.config.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which roles each path needs (README, section Security), in the order they are matched. The one home of the
 * rules: the filter chain enforces them and a 403 names the roles of the rule that refused.
 */
final class AccessRules {

    /**
     * Anyone, with or without a token: {@code /} (a redirect to the UI), health's status, the OpenAPI document and
     * its UI ({@code /swagger-ui.html} redirects to {@code /swagger-ui/index.html}).
     */
    static final List<String> PUBLIC = List.of(
            "/",
            "/actuator/health",
            "/actuator/health/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**");

    record Rule(HttpMethod method, String pattern, Set<Role> anyOf) {
        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }

        String[] roleKeys() {
            return anyOf.stream().map(Role::key).sorted().toArray(String[]::new);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.POST, "/sessions", Set.of(Role.RUN)),
            new Rule(HttpMethod.DELETE, "/sessions/*", Set.of(Role.RUN)),
            new Rule(null, "/sessions", Set.of(Role.RUN, Role.READ)),
            new Rule(null, "/sessions/*", Set.of(Role.RUN, Role.READ)),
            new Rule(null, "/flags", Set.of(Role.RUN, Role.READ)),
            new Rule(null, "/flags/*", Set.of(Role.RUN, Role.READ)),
            new Rule(null, "/mathserver/certificate", Set.of(Role.READ)),
            new Rule(null, "/mathserver/listeners", Set.of(Role.READ)),
            new Rule(null, "/mathserver/listeners/**", Set.of(Role.READ)),
            new Rule(null, "/actuator/prometheus", Set.of(Role.METRICS)),
            new Rule(null, "/actuator/**", Set.of(Role.READ)),
            new Rule(null, "/actuator", Set.of(Role.READ)));

    private AccessRules() {}

    /** The rule a request falls under; none for paths that only need a token. */
    static Optional<Rule> of(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }
}
