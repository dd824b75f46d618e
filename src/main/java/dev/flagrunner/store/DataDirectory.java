package dev.flagrunner.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sqlite.SQLiteConfig;

/**
 * The data directory, {@code flagrunner.store.path}: created owner-only (0700) with the database file in it (0600)
 * before SQLite opens it, and proven writable at start by writing, syncing and deleting a probe file, so an
 * unwritable directory or a full disk fails the start naming the key and the path, not the first session.
 */
public record DataDirectory(Path path) {

    public static final String KEY = "flagrunner.store.path";
    public static final String DATABASE = "flagrunner.db";
    /** What the probe writes: a few database pages, so a disk that is nearly full fails too. */
    private static final int PROBE_BYTES = 64 * 1024;
    /** How long a connection waits for SQLite's write lock (another process, such as sqlite3 backing it up). */
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** The directory ready for the database, or an {@link IllegalStateException} that says why not. */
    public static DataDirectory prepare(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IOException("it exists and is not a directory");
            }
            OwnerOnly.directory(dir);
            probe(dir);
            OwnerOnly.file(dir.resolve(DATABASE));
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException(
                    KEY + " " + dir + " cannot hold the flag store: " + describe(e)
                            + " (make it a writable directory with free space, or set flagrunner.store.type: memory"
                            + " to keep nothing)",
                    e);
        }
        return new DataDirectory(dir);
    }

    private static void probe(Path dir) throws IOException {
        Path probe = dir.resolve(".write-probe");
        try (FileChannel out = FileChannel.open(
                probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate(PROBE_BYTES);
            while (zeros.hasRemaining()) {
                out.write(zeros);
            }
            out.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /**
     * A pool of connections to the database: WAL, {@code synchronous=NORMAL} (StoreConfiguration says why), a busy
     * timeout for another process's write lock (sqlite3 backing it up), foreign keys on.
     */
    public HikariDataSource openDatabase() {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        sqlite.enforceForeignKeys(true);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("flagrunner-store");
        pool.setJdbcUrl("jdbc:sqlite:" + database());
        pool.setDataSourceProperties(sqlite.toProperties());
        // Writes take turns anyway (SqlStore); two connections let Flyway and a health check in beside one.
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }

    public Path database() {
        return path.resolve(DATABASE);
    }

    /** Bytes free for the database, as the health component reports them. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(path).getUsableSpace();
    }
}
