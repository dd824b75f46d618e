package dev.flagrunner.mathserver;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.tls.ServerCertificate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The reference math server inside the service: one loopback listener per enabled dialect (and a TLS
 * one beside it when configured), started before the web server takes requests and stopped after it. All of them
 * share one {@link ConnectionBudget}: {@code max-connections} from outside in all, {@code
 * max-connections-per-address} from one address, and beside them the service's own sessions (at most {@code
 * session.max-concurrent}), which reach the listeners through {@link #ownConnections()} and which no outside
 * connection can crowd out.
 */
@Component
public class EmbeddedMathServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMathServer.class);

    /** The server's connections stay under this share of the process's file descriptors: Tomcat needs the rest. */
    static final int FILE_DESCRIPTOR_SHARE = 4;

    private final FlagrunnerProperties.EmbeddedServer config;
    /** The service's own sessions at most: counted against the file descriptors, never against the outside cap. */
    private final int ownReserve;

    private final OwnConnections own = new OwnConnections();
    private final FlagrunnerProperties.Store store;
    private final MeterRegistry registry;
    private final List<MathServer> listeners = new ArrayList<>();
    private volatile ServerCertificate certificate;
    private final CompletableFuture<ServerCertificate> certificateInTheMaking;
    private volatile boolean running;

    public EmbeddedMathServer(FlagrunnerProperties properties, MeterRegistry registry) {
        this.config = properties.embeddedServer();
        this.ownReserve = properties.session().maxConcurrent();
        this.store = properties.store();
        this.registry = registry;
        // The TLS listeners' certificate is made while the rest of the context is built, on a thread of its own:
        // Bouncy Castle's first certificate (its classes, the key pair, the signature) took about a second of the
        // start on the 2-core machine (docs/startup.md). start() waits for it, so the listeners, and the health
        // that reports them, come up with their certificate as before.
        this.certificateInTheMaking = config.enabled() && config.tls()
                ? CompletableFuture.supplyAsync(ServerCertificate::selfSigned, EmbeddedMathServer::onItsOwnThread)
                : null;
    }

    private static void onItsOwnThread(Runnable task) {
        Thread thread = new Thread(task, "flagrunner-certificate");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void start() {
        if (!config.enabled()) {
            return;
        }
        FlagMinter flags = new FlagMinter(secret());
        Faults faults = Faults.parse(config.faults());
        ConnectionBudget budget = new ConnectionBudget(maxConnections(), config.maxConnectionsPerAddress(), own);
        for (String name : config.dialects()) {
            Dialect dialect = Dialects.byName(name).orElseThrow();
            ServerOptions.Builder options = ServerOptions.builder(
                            dialect,
                            flags,
                            config.questions().min(),
                            config.questions().max())
                    .faults(faults)
                    .idleTimeout(config.idleTimeout())
                    .sessionDeadline(config.sessionDeadline());
            if (config.seed() != null) {
                options.seed(config.seed());
            }
            startListener(options.build(), budget);
            if (config.tls()) {
                startListener(options.tls(certificate().sslContext()).build(), budget);
            }
        }
        running = true;
    }

    /**
     * {@code max-connections}, or less where the process may open few files: the server's connections (with the
     * service's own sessions) stay under a quarter of its file descriptors, so Tomcat can always accept.
     */
    private int maxConnections() {
        long descriptors = FileDescriptors.limit();
        long share = descriptors / FILE_DESCRIPTOR_SHARE - ownReserve;
        if (descriptors > 0 && config.maxConnections() > share) {
            int lowered = (int) Math.max(1, share);
            log.warn(
                    "flagrunner.embedded-server.max-connections {} lowered to {}: the process may open {} files,"
                            + " and the embedded server takes at most a quarter of them (with the {} of"
                            + " the service's own sessions)",
                    config.maxConnections(),
                    lowered,
                    descriptors,
                    ownReserve);
            return lowered;
        }
        return config.maxConnections();
    }

    private void startListener(ServerOptions options, ConnectionBudget budget) {
        try {
            MathServer server = new MathServer(options, this::count, budget).start();
            listeners.add(server);
            log.info(
                    "embedded math server: dialect {} ({}) listening on {}:{}",
                    options.dialect().name(),
                    options.transport(),
                    server.host(),
                    server.port());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded math server for "
                            + options.dialect().name(),
                    e);
        }
    }

    /** The self-signed certificate of the TLS listeners, generated once per start. */
    private ServerCertificate certificate() {
        if (certificate == null) {
            try {
                certificate =
                        certificateInTheMaking != null ? certificateInTheMaking.join() : ServerCertificate.selfSigned();
            } catch (CompletionException e) {
                // The generator's own exception, as if it had run here.
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return certificate;
    }

    /** The TLS listeners' certificate, when the embedded server has TLS listeners. */
    public Optional<ServerCertificate> tlsCertificate() {
        return Optional.ofNullable(certificate);
    }

    /** The configured secret; else the data directory's (stable across restarts); else, keeping nothing, a random one. */
    private byte[] secret() {
        if (!config.secret().isEmpty()) {
            return config.secret().getBytes(StandardCharsets.UTF_8);
        }
        return store.durable() ? SecretFile.in(store.path()) : FlagMinter.randomSecret();
    }

    private void count(ServerOptions options, ServerOutcome outcome) {
        Counter.builder("flagrunner.mathserver.sessions")
                .description("Connections served by the embedded reference math server")
                .tag("dialect", options.dialect().name())
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }

    /** The running listener for a dialect and transport, if the embedded server has one. */
    public Optional<MathServer> listener(Dialect dialect, boolean tls) {
        return listeners.stream()
                .filter(s -> s.options().dialect().equals(dialect)
                        && s.options().tls().isPresent() == tls)
                .findFirst();
    }

    public List<MathServer> listeners() {
        return List.copyOf(listeners);
    }

    /** How the service's own sessions reach the listeners: sockets outside connections cannot pose as. */
    public OwnConnections ownConnections() {
        return own;
    }

    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public synchronized void stop() {
        listeners.forEach(MathServer::close);
        listeners.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the session service and the web server and stops after them, so no session loses its server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
