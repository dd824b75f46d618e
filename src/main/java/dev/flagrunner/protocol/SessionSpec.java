package dev.flagrunner.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything one client session needs: where to connect, which dialect and class string to speak, the
 * student id (opaque text: leading zeros are kept), the timeouts, and how many questions it answers at most:
 * a server that keeps asking and never sends a flag would otherwise hold the session forever.
 */
public record SessionSpec(
        String host,
        int port,
        Dialect dialect,
        String classId,
        String studentId,
        Duration connectTimeout,
        Duration readTimeout,
        int maxQuestions) {

    /** Far above any real server's count (hundreds to a few thousand), and 30 s or so on loopback. */
    public static final int DEFAULT_MAX_QUESTIONS = 1_000_000;

    /** With {@link #DEFAULT_MAX_QUESTIONS}. */
    public SessionSpec(String host, int port, Dialect dialect, String classId, String studentId,
            Duration connectTimeout, Duration readTimeout) {
        this(host, port, dialect, classId, studentId, connectTimeout, readTimeout, DEFAULT_MAX_QUESTIONS);
    }

    public SessionSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(studentId, "studentId");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxQuestions < 1) {
            throw new IllegalArgumentException("the question limit must be at least 1, not " + maxQuestions);
        }
    }
}
