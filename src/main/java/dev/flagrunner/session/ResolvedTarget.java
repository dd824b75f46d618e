package dev.flagrunner.session;

import dev.flagrunner.protocol.Dialect;
import java.util.List;

/**
 * Where a session connects and what it speaks, after the request's overrides were applied.
 *
 * @param trust     the trust mode of a TLS target ({@code system}, {@code insecure}, a PEM path, or
 *                  {@code embedded} for the embedded server's own certificate)
 * @param protocols TLS protocol versions; empty for the defaults
 */
record ResolvedTarget(
        String name,
        String host,
        int port,
        boolean tls,
        Dialect dialect,
        String classId,
        String trust,
        List<String> protocols) {

    /** The JSON form of a target, as the session body shows it. */
    record View(String name, String host, int port, boolean tls, String dialect, String classId) {}

    View view() {
        return new View(name, host, port, tls, dialect.name(), classId);
    }
}
