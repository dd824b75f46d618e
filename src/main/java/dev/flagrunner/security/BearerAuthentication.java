package dev.flagrunner.security;

import dev.flagrunner.config.Role;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request's bearer token before it is checked (principal: none, credentials: the token) and the {@link Caller}
 * it stands for after (principal: the caller, credentials: none, authorities: {@code ROLE_<role>}).
 */
final class BearerAuthentication extends AbstractAuthenticationToken {

    private final transient String token;
    private final Caller caller;

    private BearerAuthentication(String token, Caller caller) {
        super(
                caller == null
                        ? List.of()
                        : caller.roles().stream()
                                .map(BearerAuthentication::authority)
                                .toList());
        this.token = token;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    /** Spring Security's name for a role, the one {@code hasAnyRole(role.key())} checks. */
    private static GrantedAuthority authority(Role role) {
        return new SimpleGrantedAuthority("ROLE_" + role.key());
    }

    static BearerAuthentication unchecked(String token) {
        return new BearerAuthentication(token, null);
    }

    static BearerAuthentication of(Caller caller) {
        return new BearerAuthentication(null, caller);
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.name();
    }

    @Override
    public String toString() {
        return "BearerAuthentication[" + getName() + "]"; // never the token
    }
}
