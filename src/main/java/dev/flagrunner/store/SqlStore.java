package dev.flagrunner.store;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable store's database, for the features that keep their data in it (flags, sessions): each write is one
 * transaction, committed before {@link #write} returns, so what the caller reports next is already on disk. Writes
 * take turns in the JVM (SQLite has one writer at a time; waiting here is a queue, where SQLite's busy handler
 * would sleep and retry). A failed write is a {@link StoreException} and marks the store's health DOWN. A write
 * made inside another's statements (same thread) joins its transaction: both commit together or neither does, so a
 * session's flag and its end are one commit (flag/FlagStore#add with a session's end alongside).
 */
public final class SqlStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StoreStatus status;
    private final ReentrantLock writes = new ReentrantLock(true);

    public SqlStore(DataSource dataSource, StoreStatus status) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.status = status;
    }

    /**
     * Runs the statements in one transaction and commits it, or throws {@link StoreException} naming the operation.
     * Called from another write's statements, it joins that transaction and the outer one commits.
     */
    public void write(String operation, Consumer<JdbcClient> statements) {
        writes.lock();
        try {
            transactions.executeWithoutResult(tx -> statements.accept(jdbc));
            status.succeeded(operation);
        } catch (RuntimeException e) {
            StoreException failure = new StoreException(operation, e);
            status.failed(operation, failure);
            throw failure;
        } finally {
            writes.unlock();
        }
    }

    /** A read (at start, and health); a failure is a {@link StoreException} naming the operation. */
    public <T> T read(String operation, Function<JdbcClient, T> query) {
        try {
            return query.apply(jdbc);
        } catch (RuntimeException e) {
            throw new StoreException(operation, e);
        }
    }
}
