package dev.flagrunner.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Flyway migrations (db/migration) on a real SQLite file: from an empty file, and from the first schema up. */
class MigrationsTest {

    @TempDir
    Path dir;

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'flyway%'"
                        + " AND name NOT LIKE 'sqlite%' ORDER BY name")
                .query(String.class)
                .list();
    }

    @Test
    void anEmptyFileIsMigratedToTheLatestSchema() throws Exception {
        DataDirectory data = DataDirectory.prepare(dir.resolve("data"));
        assertThat(Files.size(data.database())).isZero();
        try (HikariDataSource db = data.openDatabase()) {
            MigrateResult result = Flyway.configure().dataSource(db).load().migrate();
            assertThat(result.migrationsExecuted).isEqualTo(2);
            assertThat(result.targetSchemaVersion).isEqualTo("2");
            JdbcClient jdbc = JdbcClient.create(db);
            assertThat(tables(jdbc)).containsExactly("flags", "sessions");
            assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single())
                    .isEqualTo("wal");
            assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single())
                    .isEqualTo(1); // NORMAL

            // Migrating again changes nothing.
            assertThat(Flyway.configure().dataSource(db).load().migrate().migrationsExecuted)
                    .isZero();
        }
    }

    @Test
    void aDatabaseOfTheFirstSchemaIsMigratedUpKeepingItsFlags() {
        DataDirectory data = DataDirectory.prepare(dir.resolve("data"));
        try (HikariDataSource db = data.openDatabase()) {
            Flyway.configure().dataSource(db).target("1").load().migrate();
            JdbcClient jdbc = JdbcClient.create(db);
            assertThat(tables(jdbc)).containsExactly("flags");
            jdbc.sql("INSERT INTO flags (seq, owner, target, student_id, flag, dialect, class_id, session_id,"
                            + " captured_at) VALUES (7, 'grader', 'embedded', '001', 'F', 'status', 'c', 's',"
                            + " '2026-12-01T10:00:00Z')")
                    .update();
        }
        try (HikariDataSource db = data.openDatabase()) {
            MigrateResult result = Flyway.configure().dataSource(db).load().migrate();
            assertThat(result.initialSchemaVersion).isEqualTo("1");
            assertThat(result.targetSchemaVersion).isEqualTo("2");
            JdbcClient jdbc = JdbcClient.create(db);
            assertThat(tables(jdbc)).containsExactly("flags", "sessions");
            assertThat(jdbc.sql("SELECT flag FROM flags WHERE seq = 7")
                            .query(String.class)
                            .single())
                    .isEqualTo("F");
        }
    }
}
