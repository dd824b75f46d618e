package dev.flagrunner.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.flagrunner.config.FlagrunnerProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable store ({@code flagrunner.store.type: file}, the default): the data directory, an SQLite database in
 * it, and {@link SqlStore} once Flyway has migrated it (Spring Boot's Flyway runs {@code db/migration} on this
 * {@code DataSource}). With {@code memory} none of these beans exists and nothing is written. Spring Boot's own
 * {@code DataSource} is left out (application.properties), so {@code memory} needs no database at all.
 *
 * <p>SQLite in WAL mode with {@code synchronous=NORMAL}: a commit is in the WAL, in the operating system's hands,
 * when {@link SqlStore#write} returns, so a killed process (SIGKILL, OutOfMemoryError) loses nothing committed; a
 * power cut or kernel crash may lose the last commits before a checkpoint (never the database's consistency).
 * {@code FULL} would sync the WAL at every commit (README, "Where data lives", says which guarantee is given).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flagrunner.store.type", havingValue = "file", matchIfMissing = true)
class StoreConfiguration {

    @Bean
    DataDirectory dataDirectory(FlagrunnerProperties properties) {
        return DataDirectory.prepare(properties.store().path());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DataDirectory directory) {
        return directory.openDatabase();
    }

    @Bean
    @DependsOnDatabaseInitialization
    SqlStore sqlStore(DataSource dataSource, StoreStatus status) {
        return new SqlStore(dataSource, status);
    }
}
