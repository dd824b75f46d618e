package dev.flagrunner.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code flagrunner.auth.failures}: requests refused because their {@code Authorization} header was malformed or
 * held an unknown token. Its only tag is the reason: never the token, nor anything else the caller sent.
 */
final class AuthFailures {

    enum Reason {
        MALFORMED,
        UNKNOWN_TOKEN;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    AuthFailures(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(
                    reason,
                    Counter.builder("flagrunner.auth.failures")
                            .description(
                                    "Requests refused for a malformed Authorization header or an unknown bearer token")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    void count(Reason reason) {
        counters.get(reason).increment();
    }
}
