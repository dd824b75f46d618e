package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.Dialects;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The server's framing on in-memory bytes, fed read by read through netty's EmbeddedChannel. */
class FramerTest {

    private static List<ClientFrame> feed(Framer framer, String... reads) {
        EmbeddedChannel channel = new EmbeddedChannel(framer);
        for (String read : reads) {
            channel.writeInbound(Unpooled.wrappedBuffer(read.getBytes(StandardCharsets.ISO_8859_1)));
        }
        channel.finish();
        List<ClientFrame> frames = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            frames.add((ClientFrame) o);
        }
        return frames;
    }

    private static ClientFrame message(String text) {
        return new ClientFrame.Message(text);
    }

    @Nested
    class LineFeed {

        private final Framer framer = Framer.of(Dialects.STATUS, 16);

        @Test
        void aLineSplitAcrossReadsIsOneMessage() {
            assertThat(feed(framer, "cs57", "00 HEL", "LO 1\n")).containsExactly(message("cs5700 HELLO 1"));
        }

        @Test
        void twoLinesInOneReadAreTwoMessages() {
            assertThat(feed(framer, "a 1\nb 2\n")).containsExactly(message("a 1"), message("b 2"));
        }

        @Test
        void aCarriageReturnBeforeTheLineFeedStaysInTheMessage() {
            assertThat(feed(framer, "a 1\r\n")).containsExactly(message("a 1\r"));
        }

        @Test
        void anEmptyLineIsAnEmptyMessage() {
            assertThat(feed(framer, "\n")).containsExactly(message(""));
        }

        @Test
        void aLineOfExactlyTheLimitPasses() {
            assertThat(feed(framer, "x".repeat(16) + "\n")).containsExactly(message("x".repeat(16)));
        }

        @Test
        void aLineOneByteOverTheLimitIsTooLong() {
            assertThat(feed(framer, "x".repeat(17) + "\n")).containsExactly(new ClientFrame.TooLong(17, 16));
        }

        @Test
        void aLineWithoutEndIsTooLongAsSoonAsItPassesTheLimitAndTheRestIsDropped() {
            EmbeddedChannel channel = new EmbeddedChannel(framer);

            channel.writeInbound(Unpooled.wrappedBuffer("x".repeat(16).getBytes(StandardCharsets.US_ASCII)));
            assertThat((Object) channel.readInbound())
                    .as("16 bytes: still within the limit")
                    .isNull();
            channel.writeInbound(Unpooled.wrappedBuffer("xx".getBytes(StandardCharsets.US_ASCII)));
            assertThat((Object) channel.readInbound()).isEqualTo(new ClientFrame.TooLong(18, 16));
            channel.writeInbound(Unpooled.wrappedBuffer("more\nok\n".getBytes(StandardCharsets.US_ASCII)));

            assertThat((Object) channel.readInbound())
                    .as("nothing after a line too long")
                    .isNull();
            channel.finish();
            assertThat((Object) channel.readInbound()).isNull();
        }

        @Test
        void theEndOfTheStreamInsideALineIsTruncated() {
            assertThat(feed(framer, "a 1\nab")).containsExactly(message("a 1"), new ClientFrame.Truncated(2));
        }

        @Test
        void aNewLimitHoldsFromTheNextMessageOn() {
            EmbeddedChannel channel = new EmbeddedChannel(framer);
            channel.writeInbound(Unpooled.wrappedBuffer("short\n".getBytes(StandardCharsets.US_ASCII)));
            assertThat((Object) channel.readInbound()).isEqualTo(message("short"));

            framer.limit(4);
            channel.writeInbound(Unpooled.wrappedBuffer("12345\n".getBytes(StandardCharsets.US_ASCII)));

            assertThat((Object) channel.readInbound()).isEqualTo(new ClientFrame.TooLong(5, 4));
        }
    }

    @Nested
    class OneReadPerMessage {

        private final Framer framer = Framer.of(Dialects.EECE, 16);

        @Test
        void eachReadIsOneMessageWithATrailingLineFeedDropped() {
            assertThat(feed(framer, "EECE7374 1", "EECE7374 2\n"))
                    .containsExactly(message("EECE7374 1"), message("EECE7374 2"));
        }

        @Test
        void aReadOverTheLimitIsTooLong() {
            assertThat(feed(framer, "x".repeat(17), "ok")).containsExactly(new ClientFrame.TooLong(17, 16));
        }
    }

    @Test
    void theLimitMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> framer().limit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message limit must be positive: 0");
    }

    private static Framer framer() {
        return Framer.of(Dialects.STATUS, 1);
    }
}
