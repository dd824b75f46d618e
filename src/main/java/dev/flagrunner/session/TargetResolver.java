package dev.flagrunner.session;

import dev.flagrunner.FlagrunnerProperties;
import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.web.ProblemType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a target: a configured one, the embedded server, or an ad-hoc host limited to
 * loopback, configured targets' hosts and {@code flagrunner.allowed-hosts}, so the service never becomes
 * an open TCP relay.
 */
@Component
class TargetResolver {

    /** The target name of a session whose request named its own host or port. */
    static final String AD_HOC = "ad-hoc";

    private final FlagrunnerProperties properties;
    private final EmbeddedMathServer embedded;
    private final Set<String> allowedHosts;

    TargetResolver(FlagrunnerProperties properties, EmbeddedMathServer embedded) {
        this.properties = properties;
        this.embedded = embedded;
        this.allowedHosts = java.util.stream.Stream.concat(
                        properties.allowedHosts().stream(),
                        properties.targets().values().stream().map(FlagrunnerProperties.Target::host))
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    ResolvedTarget resolve(SessionRequest request) {
        String name = request.target() != null ? request.target() : properties.defaultTarget();
        Dialect dialect = request.dialect() == null ? null : Dialects.byName(request.dialect()).orElseThrow(() ->
                ProblemType.UNKNOWN_DIALECT.exception(Dialects.unknown(request.dialect())));
        ResolvedTarget base = name.equals(FlagrunnerProperties.EMBEDDED)
                ? embeddedTarget(dialect, request.tls() != null && request.tls())
                : configuredTarget(name, dialect);
        return applyOverrides(base, request);
    }

    private ResolvedTarget embeddedTarget(Dialect requested, boolean tls) {
        Dialect dialect = requested != null ? requested : Dialects.STATUS;
        MathServer server = embedded.listener(dialect, tls).orElseThrow(() -> ProblemType.TARGET_UNAVAILABLE.exception(
                "the embedded server has no " + (tls ? "TLS" : "plain") + " listener for dialect " + dialect.name()
                        + " (flagrunner.embedded-server: enabled=" + embedded.enabled() + ", listeners: "
                        + embedded.listeners().stream().map(s -> s.options().dialect().name() + "/"
                                + s.options().transport()).toList() + ")"));
        return new ResolvedTarget(FlagrunnerProperties.EMBEDDED, server.host(), server.port(), tls, dialect,
                server.options().classId(), FlagrunnerProperties.EMBEDDED, List.of());
    }

    private ResolvedTarget configuredTarget(String name, Dialect requested) {
        FlagrunnerProperties.Target t = properties.targets().get(name);
        if (t == null) {
            throw ProblemType.UNKNOWN_TARGET.exception(
                    "unknown target '" + name + "' (known: embedded" + (properties.targets().isEmpty() ? "" : ", "
                            + String.join(", ", properties.targets().keySet().stream().sorted().toList())) + ")");
        }
        Dialect dialect = requested != null ? requested : Dialects.byName(t.dialect()).orElseThrow();
        String classId = t.classId() != null ? t.classId() : dialect.defaultClassId();
        return new ResolvedTarget(name, t.host(), t.port(), t.tls(), dialect, classId, t.trust(), t.tlsProtocols());
    }

    private ResolvedTarget applyOverrides(ResolvedTarget base, SessionRequest r) {
        if (r.host() == null && r.port() == null && r.classId() == null
                && (r.tls() == null || r.tls() == base.tls())) {
            return base;
        }
        String host = r.host() != null ? r.host() : base.host();
        if (r.host() != null) {
            requireAllowed(host);
        }
        boolean tls = r.tls() != null ? r.tls() : base.tls();
        int port = r.port() != null ? r.port() : (r.host() != null || tls != base.tls()
                ? defaultPort(base.dialect(), tls) : base.port());
        String classId = r.classId() != null ? r.classId() : base.classId();
        // An ad-hoc endpoint is not the named target any more: it is listed, and its flags stored, as "ad-hoc".
        // It is verified with the system trust store; a configured target keeps its own trust mode.
        boolean adHoc = r.host() != null || r.port() != null;
        return new ResolvedTarget(adHoc ? AD_HOC : base.name(), host, port, tls, base.dialect(), classId,
                adHoc ? "system" : base.trust(), base.protocols());
    }

    private static int defaultPort(Dialect dialect, boolean tls) {
        int port = dialect.defaultPort(tls);
        if (port == 0) {
            throw ProblemType.VALIDATION.exception(
                    "dialect " + dialect.name() + " has no default " + (tls ? "TLS" : "plain") + " port: give 'port'");
        }
        return port;
    }

    private void requireAllowed(String host) {
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT)) || isLoopback(host)) {
            return;
        }
        throw ProblemType.HOST_NOT_ALLOWED.exception(
                "host '" + host + "' is not allowed: only loopback, the hosts of configured targets and "
                        + "flagrunner.allowed-hosts may be named in a request");
    }

    /** Loopback by literal address or the name localhost only: no DNS look-up for a caller's host name. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
