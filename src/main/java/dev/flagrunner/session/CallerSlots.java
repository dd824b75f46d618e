package dev.flagrunner.session;

import dev.flagrunner.config.FlagrunnerSecurityProperties;
import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-caller cap on running sessions ({@code flagrunner.security.max-sessions-per-token}), so that one caller
 * cannot take every slot of {@code flagrunner.session.max-concurrent}: beyond it that caller gets 429 while the
 * others are still served. Open mode has one caller and no tokens, so no cap beyond the global one.
 */
final class CallerSlots {

    private final int perCaller;
    /** Running sessions per caller name; guarded by itself. */
    private final Map<String, Integer> running = new HashMap<>();

    private CallerSlots(int perCaller) {
        this.perCaller = perCaller;
    }

    static CallerSlots of(FlagrunnerSecurityProperties security, int maxConcurrent) {
        if (!security.enabled()) {
            return new CallerSlots(Integer.MAX_VALUE);
        }
        return new CallerSlots(
                security.maxSessionsPerToken() != null
                        ? security.maxSessionsPerToken()
                        : Math.max(1, maxConcurrent / 4));
    }

    /** Takes one of the caller's slots, or refuses with 429 when all of them are running. */
    void acquire(String caller) {
        synchronized (running) {
            int now = running.getOrDefault(caller, 0);
            if (now >= perCaller) {
                throw new RefusedException(
                        Refusal.TOO_MANY_SESSIONS,
                        "the token '" + caller + "' has " + now + " sessions running, its most"
                                + " (flagrunner.security.max-sessions-per-token); try again when one has ended",
                        Duration.ofSeconds(1));
            }
            running.put(caller, now + 1);
        }
    }

    void release(String caller) {
        synchronized (running) {
            running.computeIfPresent(caller, (name, now) -> now == 1 ? null : now - 1);
        }
    }
}
