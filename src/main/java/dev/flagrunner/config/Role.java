package dev.flagrunner.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a token may do; the configuration names them in lower case ({@code roles: [run, read]}). Here, beside the
 * configuration that names them, and free of Spring Security, so configuration depends on no feature; security
 * turns them into authorities.
 */
public enum Role {
    /** Start sessions; see and cancel the sessions it started, and their flags. */
    RUN,
    /** See every session and flag, and the embedded server's certificate; health with its details. */
    READ,
    /** Scrape {@code /actuator/prometheus}. */
    METRICS;

    /** The name in configuration and in Spring Security's {@code hasRole}: {@code run}, {@code read}, {@code metrics}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Binds {@code run}, {@code read}, {@code metrics} (any case); anything else fails the start naming the three. */
    static Role parse(String text, String key) {
        return Arrays.stream(values())
                .filter(r -> r.key().equalsIgnoreCase(text.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        key + ": unknown role '" + text + "' (known: run, read, metrics)"));
    }
}
