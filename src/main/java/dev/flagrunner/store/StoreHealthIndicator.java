package dev.flagrunner.store;

import dev.flagrunner.config.FlagrunnerProperties;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code store} health component: {@code memory} is always UP (nothing to fail); {@code file} is DOWN with a
 * {@code reason} when the database does not answer, when the last write failed (until one succeeds), or when less
 * than {@value #MIN_FREE_MIB} MiB are free for it. The JSON is in docs/observability.md.
 */
@Component
class StoreHealthIndicator extends AbstractHealthIndicator {

    static final long MIN_FREE_MIB = 16;

    private final FlagrunnerProperties.Store config;
    private final Optional<SqlStore> store;
    private final Optional<DataDirectory> directory;
    private final StoreStatus status;

    StoreHealthIndicator(
            FlagrunnerProperties properties,
            ObjectProvider<SqlStore> store,
            ObjectProvider<DataDirectory> directory,
            StoreStatus status) {
        this.config = properties.store();
        this.store = Optional.ofNullable(store.getIfAvailable());
        this.directory = Optional.ofNullable(directory.getIfAvailable());
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("type", config.type().name().toLowerCase(java.util.Locale.ROOT));
        if (store.isEmpty() || directory.isEmpty()) {
            health.up();
            return;
        }
        health.withDetail("path", directory.get().path().toString());
        try {
            store.get()
                    .read(
                            "the health check",
                            jdbc -> jdbc.sql("SELECT 1").query(Integer.class).single());
        } catch (StoreException e) {
            health.down().withDetail("reason", e.getMessage());
            return;
        }
        long freeMib;
        try {
            freeMib = directory.get().usableSpace() / (1024 * 1024);
        } catch (IOException e) {
            health.down().withDetail("reason", "the free space of the data directory is unknown: " + e.getMessage());
            return;
        }
        health.withDetail("freeMiB", freeMib);
        Optional<String> failure = status.lastFailure();
        if (failure.isPresent()) {
            health.down().withDetail("reason", "the last write failed: " + failure.get());
        } else if (freeMib < MIN_FREE_MIB) {
            health.down().withDetail("reason", "less than " + MIN_FREE_MIB + " MiB free in the data directory");
        } else {
            health.up();
        }
    }
}
