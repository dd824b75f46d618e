package dev.flagrunner.session;

import dev.flagrunner.protocol.Dialect;
import java.util.List;

/**
 * Where a session connects and what it speaks, after the request's overrides were applied.
 *
 * @param trust     how a TLS target's certificate is trusted: the embedded server's own, or a trust setting
 * @param protocols TLS protocol versions; empty for the defaults
 */
record ResolvedTarget(
        String name,
        String host,
        int port,
        boolean tls,
        Dialect dialect,
        String classId,
        TargetTrust trust,
        List<String> protocols) {

    /** The JSON form of a target, as the session body shows it. */
    record View(String name, String host, int port, boolean tls, String dialect, String classId) {}

    View view() {
        return new View(name, host, port, tls, dialect.name(), classId);
    }
}
