package dev.flagrunner.security;

import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * The service's own security for a {@code @WebMvcTest} slice, which brings none of Spring Security's: the bearer
 * token filter and the access rules, against the tests' tokens ({@code dev.flagrunner.support.TestTokens}). Only
 * imported, never a component: the tests that start the whole application scan this package too.
 */
@EnableWebSecurity
@Import({SecurityConfiguration.class, BearerTokenAuthenticationProvider.class, TokenRegistry.class})
public class SliceSecurity {}
