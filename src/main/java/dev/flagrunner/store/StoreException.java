package dev.flagrunner.store;

/**
 * A write to the durable store failed (a full disk, a read-only file, a broken database): what was being written is
 * not kept, and whoever wrote it says so by name (a session ends {@code STORE_FAILED}) instead of reporting it.
 * The message names the operation and the database's own reason, never a flag or a student's data.
 */
public class StoreException extends RuntimeException {

    public StoreException(String operation, Throwable cause) {
        super(operation + " failed: " + reason(cause), cause);
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // SQLite's messages name the error ("[SQLITE_FULL] Insertion failed because database is full (...)");
        // the statement's values never appear in them, but bound the length all the same.
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
