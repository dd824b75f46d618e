package dev.flagrunner.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer token against the {@link TokenRegistry}. As a bean it also tells Spring Boot that the service
 * has its own authentication, so Boot makes no default user and logs no generated password.
 */
@Component
class BearerTokenAuthenticationProvider implements AuthenticationProvider {

    private final TokenRegistry tokens;

    BearerTokenAuthenticationProvider(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerAuthentication) authentication).token();
        return tokens.authenticate(token)
                .map(BearerAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("the bearer token is not one the service knows"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerAuthentication.class.isAssignableFrom(authentication);
    }
}
