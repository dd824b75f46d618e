package dev.flagrunner.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.flagrunner.store.DataDirectory;
import dev.flagrunner.store.SqlStore;
import dev.flagrunner.store.StoreStatus;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * A real durable store in a test's directory, migrated as the service migrates it (db/migration), without Spring:
 * open it again on the same directory to see what a restart sees. Close it at the end of the test.
 */
public final class TempStore implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SqlStore store;

    private TempStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.store = new SqlStore(dataSource, new StoreStatus());
    }

    public static TempStore open(Path directory) {
        HikariDataSource dataSource = DataDirectory.prepare(directory).openDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new TempStore(dataSource);
    }

    public SqlStore store() {
        return store;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
