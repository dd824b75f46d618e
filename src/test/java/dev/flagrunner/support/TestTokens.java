package dev.flagrunner.support;

import dev.flagrunner.config.Role;
import dev.flagrunner.security.Caller;
import java.util.EnumSet;

/**
 * The text of the tests' tokens, whose SHA-256 src/test/resources/config/application.properties configures:
 * every test context accepts them. {@link Http} and {@link RawHttp} send {@link #ALL} unless told otherwise.
 */
public final class TestTokens {

    /** test-all: run, read, metrics. */
    public static final String ALL = "test-token-all";
    /** test-run: run only. */
    public static final String RUN = "test-token-run";
    /** test-run2: run only, a second caller. */
    public static final String RUN2 = "test-token-run2";
    /** test-read: read only. */
    public static final String READ = "test-token-read";
    /** test-metrics: metrics only. */
    public static final String METRICS = "test-token-metrics";

    /** The caller of {@link #ALL}, for tests that call a service bean directly. */
    public static final Caller ALL_CALLER = new Caller("test-all", EnumSet.allOf(Role.class));

    private TestTokens() {}

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
