package dev.flagrunner.protocol;

import java.io.IOException;

/** Reads one whole message at a time from a stream, never more than a bounded number of bytes. */
public interface MessageReader extends AutoCloseable {

    /**
     * The next message without its terminator, or {@code null} when the peer closed the stream cleanly
     * between messages.
     *
     * @throws LineTooLongException when a message exceeds the limit (nothing more of it is buffered)
     * @throws TruncatedMessageException when the stream ends in the middle of a message
     */
    String next() throws IOException;

    /** Gives back what the reader took from a budget of bytes in flight; it is not used afterwards. */
    @Override
    default void close() {}

    static MessageReader of(
            Framing framing,
            java.io.InputStream in,
            int maxMessageLength,
            java.nio.charset.Charset charset,
            BytesInFlight budget) {
        return switch (framing) {
            case LINE_FEED -> new LineReader(in, maxMessageLength, charset, true, budget);
            case ONE_READ_PER_MESSAGE -> new ReadPerMessageReader(in, maxMessageLength, charset);
        };
    }
}
