package dev.flagrunner.security;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.config.FlagrunnerSecurityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Stateless bearer-token security (README, section Security): no session, no cookie, no CSRF token, no login
 * page; {@link AccessRules} say which role each path needs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // Spring Security's HttpSecurity is there
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            FlagrunnerProperties all,
            Environment environment,
            BearerTokenAuthenticationProvider tokens,
            MeterRegistry registry)
            throws Exception {
        FlagrunnerSecurityProperties properties = all.security();
        requireLoopbackForOpenMode(properties.enabled(), environment.getProperty("server.address"));
        SecurityProblems problems = new SecurityProblems();
        BearerTokenFilter bearer = new BearerTokenFilter(
                tokens,
                problems,
                new AuthFailures(registry),
                properties.enabled() ? null : Caller.everyRole(Caller.OPEN));
        http.csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(bearer, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // The container's error page shows the error of a request that was already let through.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(AccessRules.PUBLIC.toArray(String[]::new))
                            .permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        requests.requestMatchers(rule.matcher()).hasAnyRole(rule.roleKeys());
                    }
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    /** Open mode is for a service only its own machine can reach. */
    static void requireLoopbackForOpenMode(boolean enabled, String serverAddress) {
        if (enabled) {
            return;
        }
        String refusal = "flagrunner.security.enabled=false (open mode: every caller has every role) is allowed only"
                + " while server.address is a loopback address, and server.address is ";
        String fix =
                ": set server.address=127.0.0.1, or remove flagrunner.security.enabled=false and give callers tokens";
        if (serverAddress == null || serverAddress.isBlank()) {
            throw new IllegalStateException(refusal + "not set (every interface)" + fix);
        }
        try {
            if (!InetAddress.getByName(serverAddress.strip()).isLoopbackAddress()) {
                throw new IllegalStateException(refusal + serverAddress.strip() + fix);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    refusal + "'" + serverAddress.strip() + "', which does not resolve" + fix, e);
        }
    }
}
