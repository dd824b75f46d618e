package dev.flagrunner.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget of server bytes held in memory at once, shared by every running session of a process
 * ({@code flagrunner.session.max-bytes-in-flight}). Each session's reader holds a small base of its own
 * ({@link LineReader#BASE_BUFFER}) without asking; a buffer grown beyond it takes the growth from here first,
 * and gives it back when the message is done with or the session ends. A session that finds the budget spent
 * fails ({@code MEMORY_BUDGET}) instead of growing: a hostile server sending 1 MiB messages to every session
 * could otherwise hold the dialect's limit (and the copies a message makes while it is evaluated) in each of
 * {@code max-concurrent} sessions at once, beyond any heap. Honest messages fit the base and never ask.
 * Thread-safe.
 */
public final class BytesInFlight {

    /** 16 MiB: sixteen 1 MiB messages at once, each of which costs up to about 6 bytes of heap per byte. */
    public static final long DEFAULT_BYTES = 16L << 20;

    private static final BytesInFlight PROCESS_DEFAULT = new BytesInFlight(DEFAULT_BYTES);

    private final long capacity;
    private final AtomicLong taken = new AtomicLong();

    public BytesInFlight(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the budget of bytes in flight must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The default budget of the process: the {@code client} command's, and a session's built without one. */
    public static BytesInFlight processDefault() {
        return PROCESS_DEFAULT;
    }

    /** Takes {@code bytes} if that many are left, all or nothing. */
    boolean tryTake(long bytes) {
        while (true) {
            long now = taken.get();
            if (bytes > capacity - now) {
                return false;
            }
            if (taken.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void give(long bytes) {
        taken.addAndGet(-bytes);
    }

    /** Bytes taken now by all readers together. */
    public long taken() {
        return taken.get();
    }

    public long capacity() {
        return capacity;
    }
}
