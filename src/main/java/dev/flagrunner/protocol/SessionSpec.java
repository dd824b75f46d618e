package dev.flagrunner.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything one client session needs: where to connect, which dialect and class string to speak, the
 * student id (opaque text: leading zeros are kept), the timeouts, how many questions it answers at most and
 * how long it may run in all: a server that keeps asking and never sends a flag, or asks one question every
 * few seconds, would otherwise hold the session (and its slot in the service) for as long as it likes.
 */
public record SessionSpec(
        String host,
        int port,
        Dialect dialect,
        String classId,
        String studentId,
        Duration connectTimeout,
        Duration readTimeout,
        int maxQuestions,
        Duration maxDuration) {

    /** Far above any real server's count (hundreds to a few thousand), and 30 s or so on loopback. */
    public static final int DEFAULT_MAX_QUESTIONS = 1_000_000;
    /**
     * The longest real session, 2,000 questions (cs230) at a 100 ms round trip to a distant server, takes
     * 200 s; five minutes leave room for that and still bound what a slow server can hold.
     */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(5);
    /** The highest limit accepted: far beyond any session, and a deadline in nanoseconds cannot overflow. */
    public static final Duration MAX_DURATION_LIMIT = Duration.ofDays(1);

    public SessionSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(studentId, "studentId");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxQuestions < 1) {
            throw new IllegalArgumentException("the question limit must be at least 1, not " + maxQuestions);
        }
        if (maxDuration.isNegative() || maxDuration.isZero() || maxDuration.compareTo(MAX_DURATION_LIMIT) > 0) {
            throw new IllegalArgumentException("the session's time limit must be positive and at most "
                    + MAX_DURATION_LIMIT + ", not " + maxDuration);
        }
    }
}
