package dev.flagrunner.health;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.net.HostPort;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code mathServer} health component (the bean name minus "HealthIndicator"): the embedded reference
 * server's listeners, and a cached TCP connect probe of the default target when that is a configured real
 * server. DOWN, with a {@code reason}, when a listener stopped accepting, when the embedded server that is
 * the default target has no listener, or when the probe could not connect. The JSON is in
 * docs/observability.md.
 */
@Component
class MathServerHealthIndicator extends AbstractHealthIndicator {

    private final boolean embeddedEnabled;
    private final Supplier<List<MathServer>> listeners;
    private final String defaultTarget;
    private final Optional<TargetProbe> probe;

    @Autowired
    MathServerHealthIndicator(FlagrunnerProperties properties, EmbeddedMathServer embedded) {
        this(embedded.enabled(), embedded::listeners, properties.defaultTarget(), probeOf(properties));
    }

    MathServerHealthIndicator(
            boolean embeddedEnabled,
            Supplier<List<MathServer>> listeners,
            String defaultTarget,
            Optional<TargetProbe> probe) {
        super("math server health check failed");
        this.embeddedEnabled = embeddedEnabled;
        this.listeners = listeners;
        this.defaultTarget = defaultTarget;
        this.probe = probe;
    }

    /** A probe only for a configured real server: the embedded one is checked through its listeners. */
    private static Optional<TargetProbe> probeOf(FlagrunnerProperties properties) {
        FlagrunnerProperties.Target target = properties.targets().get(properties.defaultTarget());
        if (target == null) {
            return Optional.empty();
        }
        return Optional.of(new TargetProbe(
                properties.defaultTarget(),
                target.host(),
                target.port(),
                properties.session().connectTimeout(),
                properties.health().probeInterval(),
                Clock.systemUTC(),
                TargetProbe.TCP));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> problems = new ArrayList<>();
        builder.withDetail("embedded", embedded(problems));
        builder.withDetail("defaultTarget", defaultTarget(problems));
        if (problems.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", String.join("; ", problems));
        }
    }

    private Map<String, Object> embedded(List<String> problems) {
        List<MathServer> servers = listeners.get();
        List<Map<String, Object>> views = new ArrayList<>();
        for (MathServer server : servers) {
            String name =
                    server.options().dialect().name() + "/" + server.options().transport();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("dialect", server.options().dialect().name());
            view.put("transport", server.options().transport());
            view.put("address", HostPort.format(server.host(), server.port()));
            view.put("accepting", server.isAccepting());
            view.put("activeConnections", server.activeConnections());
            views.add(view);
            if (!server.isAccepting()) {
                problems.add("embedded listener " + name + " on " + HostPort.format(server.host(), server.port())
                        + " stopped accepting");
            }
        }
        if (embeddedEnabled && servers.isEmpty()) {
            problems.add("the embedded server is enabled but has no listener");
        }
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("enabled", embeddedEnabled);
        embedded.put("listeners", views);
        return embedded;
    }

    private Map<String, Object> defaultTarget(List<String> problems) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", defaultTarget);
        if (probe.isEmpty()) {
            if (defaultTarget.equals(FlagrunnerProperties.EMBEDDED) && !embeddedEnabled) {
                problems.add("the default target is the embedded server, which is disabled "
                        + "(flagrunner.embedded-server.enabled=false)");
            }
            return view;
        }
        TargetProbe p = probe.get();
        TargetProbe.Result r = p.result();
        view.put("address", p.address());
        view.put("reachable", r.reachable());
        if (r.reachable()) {
            view.put("connectMillis", r.connectMillis());
        }
        view.put("checkedAt", r.checkedAt().toString());
        view.put("probeInterval", readable(p.interval()));
        if (!r.reachable()) {
            view.put("error", r.error());
            problems.add("default target " + p.name() + " (" + p.address() + ") is unreachable: " + r.error());
        }
        return view;
    }

    /** "30s" or "1500ms", as the configuration says it, rather than Duration's "PT30S". */
    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
