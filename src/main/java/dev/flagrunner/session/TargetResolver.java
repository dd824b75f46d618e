package dev.flagrunner.session;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a target: a configured one, the embedded server, or an endpoint the request names.
 * A request may name a host and port only where the service would go anyway (an embedded listener, a
 * configured target) or where {@code flagrunner.allowed-endpoints} allows that host and port: nothing else,
 * loopback included, so the service is no relay to whatever else listens. The check runs before anything
 * connects: a refused endpoint gets no byte, not even a connection, and being refused says nothing of whether
 * something listens there.
 */
@Component
class TargetResolver {

    /** The target name of a session whose request named its own host or port. */
    static final String AD_HOC = "ad-hoc";

    private final FlagrunnerProperties properties;
    private final EmbeddedMathServer embedded;
    private final EndpointAllowList allowed;

    TargetResolver(FlagrunnerProperties properties, EmbeddedMathServer embedded) {
        this.properties = properties;
        this.embedded = embedded;
        this.allowed = new EndpointAllowList(properties.allowedEndpoints());
    }

    ResolvedTarget resolve(SessionRequest request) {
        if (request.target() != null && (request.host() != null || request.port() != null)) {
            // A named target is where it is configured to be; moving it elsewhere would silently change its
            // meaning (and its trust mode), so the two ways of naming a server exclude each other.
            throw new RefusedException(
                    Refusal.INVALID,
                    "'target' and 'host'/'port' exclude each other: name a target, or"
                            + " a host and port, not both (target '" + request.target() + "'"
                            + (request.host() != null ? ", host given" : "")
                            + (request.port() != null ? ", port given" : "")
                            + ")");
        }
        String name = request.target() != null ? request.target() : properties.defaultTarget();
        Dialect dialect = request.dialect() == null
                ? null
                : Dialects.byName(request.dialect())
                        .orElseThrow(() ->
                                new RefusedException(Refusal.UNKNOWN_DIALECT, Dialects.unknown(request.dialect())));
        boolean tls = request.tls() != null && request.tls();
        ResolvedTarget base = !name.equals(FlagrunnerProperties.EMBEDDED)
                ? configuredTarget(name, dialect)
                : request.host() != null ? embeddedDefaults(dialect, tls) : embeddedTarget(dialect, tls);
        return applyOverrides(base, request);
    }

    private ResolvedTarget embeddedTarget(Dialect requested, boolean tls) {
        Dialect dialect = requested != null ? requested : Dialects.STATUS;
        MathServer server = embedded.listener(dialect, tls)
                .orElseThrow(() -> new RefusedException(
                        Refusal.TARGET_UNAVAILABLE,
                        "the embedded server has no "
                                + (tls ? "TLS" : "plain") + " listener for dialect " + dialect.name()
                                + " (flagrunner.embedded-server: enabled=" + embedded.enabled() + ", listeners: "
                                + embedded.listeners().stream()
                                        .map(s -> s.options().dialect().name() + "/"
                                                + s.options().transport())
                                        .toList()
                                + ")"));
        return new ResolvedTarget(
                FlagrunnerProperties.EMBEDDED,
                server.host(),
                server.port(),
                tls,
                dialect,
                server.options().classId(),
                TargetTrust.EMBEDDED,
                List.of());
    }

    /**
     * What a request that names its own host takes from the embedded default: the dialect and its class
     * string, not a listener, so such a request needs no embedded listener for its dialect and transport.
     */
    private static ResolvedTarget embeddedDefaults(Dialect requested, boolean tls) {
        Dialect dialect = requested != null ? requested : Dialects.STATUS;
        return new ResolvedTarget(
                FlagrunnerProperties.EMBEDDED,
                "",
                0,
                tls,
                dialect,
                dialect.defaultClassId(),
                TargetTrust.EMBEDDED,
                List.of());
    }

    private ResolvedTarget configuredTarget(String name, Dialect requested) {
        FlagrunnerProperties.Target t = properties.targets().get(name);
        if (t == null) {
            throw new RefusedException(
                    Refusal.UNKNOWN_TARGET,
                    "unknown target '" + name + "' (known: embedded"
                            + (properties.targets().isEmpty()
                                    ? ""
                                    : ", "
                                            + String.join(
                                                    ", ",
                                                    properties.targets().keySet().stream()
                                                            .sorted()
                                                            .toList()))
                            + ")");
        }
        Dialect dialect =
                requested != null ? requested : Dialects.byName(t.dialect()).orElseThrow();
        String classId = t.classId() != null ? t.classId() : dialect.defaultClassId();
        return new ResolvedTarget(
                name,
                t.host(),
                t.port(),
                t.tls(),
                dialect,
                classId,
                new TargetTrust.Setting(t.trust()),
                t.tlsProtocols());
    }

    private ResolvedTarget applyOverrides(ResolvedTarget base, SessionRequest r) {
        if (r.host() == null && r.port() == null && r.classId() == null && (r.tls() == null || r.tls() == base.tls())) {
            return base;
        }
        String host = r.host() != null ? r.host() : base.host();
        boolean tls = r.tls() != null ? r.tls() : base.tls();
        int port = r.port() != null
                ? r.port()
                : (r.host() != null || tls != base.tls() ? defaultPort(base.dialect(), tls) : base.port());
        if (!host.equals(base.host()) || port != base.port()) {
            requireAllowed(host, port);
        }
        String classId = r.classId() != null ? r.classId() : base.classId();
        // An ad-hoc endpoint is not the named target any more: it is listed, and its flags stored, as "ad-hoc".
        // It is verified with the system trust store; a configured target keeps its own trust mode.
        boolean adHoc = r.host() != null || r.port() != null;
        return new ResolvedTarget(
                adHoc ? AD_HOC : base.name(),
                host,
                port,
                tls,
                base.dialect(),
                classId,
                adHoc ? TargetTrust.SYSTEM : base.trust(),
                base.protocols());
    }

    private static int defaultPort(Dialect dialect, boolean tls) {
        int port = dialect.defaultPort(tls);
        if (port == 0) {
            throw new RefusedException(Refusal.INVALID, dialect.noDefaultPort(tls) + ": give 'port'");
        }
        return port;
    }

    private void requireAllowed(String host, int port) {
        boolean embeddedListener =
                embedded.listeners().stream().anyMatch(s -> EndpointAllowList.same(s.host(), s.port(), host, port));
        boolean configuredTarget = properties.targets().values().stream()
                .anyMatch(t -> EndpointAllowList.same(t.host(), t.port(), host, port));
        if (embeddedListener || configuredTarget || allowed.allows(host, port)) {
            return;
        }
        throw new RefusedException(
                Refusal.ENDPOINT_NOT_ALLOWED,
                "endpoint " + EndpointAllowList.format(host, port)
                        + " is not allowed: a request may name only the embedded server, a configured target's host and port,"
                        + " or an entry of " + EndpointAllowList.KEY);
    }
}
