package dev.flagrunner.flag;

import java.util.List;

/**
 * Where {@link FlagStore} keeps its flags beyond the process: every change is written (and committed) before the
 * in-memory index shows it, and the index is rebuilt from {@link #load()} at start. {@link #NONE} keeps nothing
 * ({@code flagrunner.store.type: memory}).
 */
interface FlagJournal {

    /** A flag with its sequence number (its place in {@code GET /flags}). */
    record Numbered(long sequence, CapturedFlag flag) {}

    /** Every kept flag, oldest first. */
    List<Numbered> load();

    /**
     * A new flag, the one of the same owner it pushes out of the store (or null) and what {@code alongside} writes
     * (the session's end), in one transaction.
     */
    void added(long sequence, CapturedFlag flag, Long evicted, Runnable alongside);

    /** The same flag captured again, refreshed in its place, with what {@code alongside} writes, in one transaction. */
    void refreshed(long sequence, CapturedFlag flag, Runnable alongside);

    /** Flags dropped at start (the capacity or the number of owners changed). */
    void evicted(List<Long> sequences);

    FlagJournal NONE = new FlagJournal() {
        @Override
        public List<Numbered> load() {
            return List.of();
        }

        @Override
        public void added(long sequence, CapturedFlag flag, Long evicted, Runnable alongside) {
            alongside.run();
        }

        @Override
        public void refreshed(long sequence, CapturedFlag flag, Runnable alongside) {
            alongside.run();
        }

        @Override
        public void evicted(List<Long> sequences) {}
    };
}
