package dev.flagrunner.security;

import dev.flagrunner.config.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: the name of the token that authenticated the request (never the token itself) and its roles.
 * Sessions and flags belong to the caller that started them.
 *
 * @param name the token's name in {@code flagrunner.security.tokens}, {@value #GENERATED} for the generated
 *             token, {@value #OPEN} in open mode
 */
public record Caller(String name, Set<Role> roles) {

    /** The owner of the generated token (no token configured). */
    public static final String GENERATED = "generated";
    /** The one caller of open mode ({@code flagrunner.security.enabled: false}). */
    public static final String OPEN = "open";

    public Caller {
        roles = Set.copyOf(roles);
    }

    static Caller everyRole(String name) {
        return new Caller(name, EnumSet.allOf(Role.class));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A caller with {@code read} sees every session and flag; any other only its own. */
    public boolean seesEverything() {
        return has(Role.READ);
    }

    /** True when this caller may see what {@code owner} started. */
    public boolean sees(String owner) {
        return seesEverything() || name.equals(owner);
    }

    /** The caller of the request being handled on this thread (set by the bearer token filter). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("no authenticated caller on this request");
    }
}
