package dev.flagrunner.support;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.SessionSpec;
import java.time.Duration;

/** Sessions for tests with the record's default limits, where a test sets only where and whom to connect as. */
public final class SessionSpecs {

    private SessionSpecs() {}

    /** With {@link SessionSpec#DEFAULT_MAX_QUESTIONS} and {@link SessionSpec#DEFAULT_MAX_DURATION}. */
    public static SessionSpec of(
            String host,
            int port,
            Dialect dialect,
            String classId,
            String studentId,
            Duration connectTimeout,
            Duration readTimeout) {
        return new SessionSpec(
                host,
                port,
                dialect,
                classId,
                studentId,
                connectTimeout,
                readTimeout,
                SessionSpec.DEFAULT_MAX_QUESTIONS,
                SessionSpec.DEFAULT_MAX_DURATION);
    }
}
