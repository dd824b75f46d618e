package dev.flagrunner.mathserver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * In front of a TLS listener's {@link SslHandler}: a connection whose first bytes are no TLS record (a plain client
 * at a TLS port) gets the fatal {@code unexpected_message} alert the JDK's TLS server socket sent, and is closed.
 * netty's handler would close without a word; clients, ours among them, tell "this port speaks TLS" by that alert.
 * Once the first record header is seen to be TLS, this handler leaves the pipeline.
 */
final class PlaintextOnTls extends ByteToMessageDecoder {

    /** A TLS 1.2 record: alert, level fatal (2), unexpected_message (10). */
    private static final byte[] UNEXPECTED_MESSAGE = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a};

    private static final int RECORD_HEADER = 5;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < RECORD_HEADER) {
            return;
        }
        if (SslHandler.isEncrypted(in, false)) {
            ctx.pipeline().remove(this);
            return;
        }
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(UNEXPECTED_MESSAGE)).addListener(ChannelFutureListener.CLOSE);
    }
}
