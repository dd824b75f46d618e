package dev.flagrunner.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything one client session needs: where to connect, which dialect and class string to speak, the
 * student id (opaque text: leading zeros are kept) and the timeouts.
 */
public record SessionSpec(
        String host,
        int port,
        Dialect dialect,
        String classId,
        String studentId,
        Duration connectTimeout,
        Duration readTimeout) {

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
    }
}
