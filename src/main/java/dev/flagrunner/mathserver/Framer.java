package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The server side of a dialect's framing, with a limit the conversation sets before each message it awaits: the
 * HELLO's, then each answer's (the longest correct answer plus a margin). A message past its limit is
 * {@link ClientFrame.TooLong} as soon as the limit is passed, and everything after it is discarded: the
 * framing never holds more than the limit plus one read. Tested on bytes with netty's {@code EmbeddedChannel}.
 */
abstract class Framer extends ByteToMessageDecoder {

    private final Charset charset;
    private int limit;
    private boolean failed;

    Framer(int limit, Charset charset) {
        this.charset = charset;
        limit(limit);
    }

    /** The framing of {@code dialect}, starting with a limit of {@code firstLimit} bytes. */
    static Framer of(Dialect dialect, int firstLimit) {
        return dialect.framing() == Framing.LINE_FEED
                ? new LineFeed(firstLimit, dialect.charset())
                : new OneReadPerMessage(firstLimit, dialect.charset());
    }

    /** The most bytes the next message may have, without its terminator. */
    final void limit(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the message limit must be positive: " + bytes);
        }
        this.limit = bytes;
    }

    final int limit() {
        return limit;
    }

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.isReadable()) {
            frame(in, out);
        }
    }

    @Override
    protected final void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (!failed && in.isReadable()) {
            out.add(new ClientFrame.Truncated(in.readableBytes()));
            in.skipBytes(in.readableBytes());
        }
    }

    /** Takes what {@code in} holds of the next message, adding it to {@code out} when whole. */
    abstract void frame(ByteBuf in, List<Object> out);

    final void message(ByteBuf in, int length, List<Object> out) {
        out.add(new ClientFrame.Message(in.readCharSequence(length, charset).toString()));
    }

    final void tooLong(ByteBuf in, int atLeast, List<Object> out) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(new ClientFrame.TooLong(atLeast, limit));
    }

    /**
     * LF-terminated lines, strictly: only LF ends a line, and a CR before it is part of the message (which then is
     * no correct answer), as the reference server always was (docs/protocol.md §8.5).
     */
    static final class LineFeed extends Framer {

        LineFeed(int limit, Charset charset) {
            super(limit, charset);
        }

        @Override
        void frame(ByteBuf in, List<Object> out) {
            // What is held is at most the limit plus one read (it is too long past that), so the scan is bounded.
            int start = in.readerIndex();
            int end = in.indexOf(start, in.writerIndex(), (byte) '\n');
            int length = end < 0 ? in.readableBytes() : end - start;
            if (length > limit()) {
                tooLong(in, length, out);
                return;
            }
            if (end < 0) {
                return;
            }
            message(in, length, out);
            in.skipBytes(1);
        }
    }

    /**
     * EECE7374's framing: no terminator, one read is one message (a trailing LF is dropped, as the sample server's
     * split() did). A read longer than the limit is too long.
     */
    static final class OneReadPerMessage extends Framer {

        OneReadPerMessage(int limit, Charset charset) {
            super(limit, charset);
        }

        @Override
        void frame(ByteBuf in, List<Object> out) {
            int length = in.readableBytes();
            if (length > limit()) {
                tooLong(in, length, out);
                return;
            }
            int text = length > 0 && in.getByte(in.readerIndex() + length - 1) == '\n' ? length - 1 : length;
            message(in, text, out);
            in.skipBytes(length - text);
        }
    }
}
