package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.support.ChunkedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

    private static LineReader reader(String text, int chunk, int max) {
        return new LineReader(
                new ChunkedInputStream(text.getBytes(StandardCharsets.US_ASCII), chunk),
                max,
                StandardCharsets.US_ASCII);
    }

    private static List<String> readAll(LineReader r) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = r.next(); line != null; line = r.next()) {
            lines.add(line);
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void splitsMessagesWhateverTheReadSizes(int chunk) throws IOException {
        String text = "cls STATUS 1 + 2\ncls STATUS 30 * 4\n\ncls abc BYE\n";

        assertThat(readAll(reader(text, chunk, 256)))
                .containsExactly("cls STATUS 1 + 2", "cls STATUS 30 * 4", "", "cls abc BYE");
    }

    @Test
    void dropsTheCarriageReturnOfCrLfWhenLenient() throws IOException {
        assertThat(readAll(reader("a b\r\nc\r\n", 1, 256))).containsExactly("a b", "c");
    }

    @Test
    void keepsTheCarriageReturnWhenStrict() throws IOException {
        LineReader strict = new LineReader(
                new ByteArrayInputStream("a b\r\n".getBytes(StandardCharsets.US_ASCII)),
                256,
                StandardCharsets.US_ASCII,
                false);

        assertThat(strict.next()).isEqualTo("a b\r");
    }

    @Test
    void aLoneCarriageReturnStaysInTheLine() throws IOException {
        assertThat(readAll(reader("a\rb\n", 2, 256))).containsExactly("a\rb");
    }

    @Test
    void acceptsALineOfExactlyTheLimitWithCrLf() throws IOException {
        String line = "x".repeat(256);

        assertThat(readAll(reader(line + "\r\n" + line + "\n", 5, 256))).containsExactly(line, line);
    }

    @Test
    void refusesALineOverTheLimitWithBothNumbers() {
        assertThatThrownBy(() -> readAll(reader("x".repeat(257) + "\n", 1000, 256)))
                .isInstanceOf(LineTooLongException.class)
                .hasMessage("line length (257) exceeds the allowed maximum (256)");
    }

    @Test
    void refusesAnEndlessLineWithoutBufferingMoreThanTheLimit() {
        ChunkedInputStream endless =
                new ChunkedInputStream("y".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII), 8192);
        LineReader r = new LineReader(endless, 8192, StandardCharsets.US_ASCII);

        assertThatThrownBy(r::next)
                .isInstanceOf(LineTooLongException.class)
                .hasMessage("line length (at least 8193) exceeds the allowed maximum (8192)");
        // It stopped after about one limit's worth of reads, not after 10 MB.
        assertThat(endless.reads).isLessThanOrEqualTo(3);
    }

    @Test
    void reportsAStreamThatEndsInTheMiddleOfALine() throws IOException {
        LineReader r = reader("cls STATUS 1 + 2\ncls STA", 4, 256);

        assertThat(r.next()).isEqualTo("cls STATUS 1 + 2");
        assertThatThrownBy(r::next)
                .isInstanceOfSatisfying(
                        TruncatedMessageException.class,
                        e -> assertThat(e.partial()).isEqualTo("cls STA"));
    }

    @Test
    void anEmptyStreamIsACleanEnd() throws IOException {
        assertThat(reader("", 1, 256).next()).isNull();
    }

    @Test
    void growsItsBufferForLongLinesUpToTheLimit() throws IOException {
        String longLine = "z".repeat(100_000);

        assertThat(readAll(reader(longLine + "\nshort\n", 4096, 1 << 20))).containsExactly(longLine, "short");
    }

    /**
     * A ping-pong server's messages arrive one per read. Once a line is handed out the reader must read
     * into the whole buffer again, not into the tail the earlier lines left: else every few messages
     * one arrives in two reads (a system call more on the hot path).
     */
    @Test
    void readsEachPingPongMessageInOneRead() throws IOException {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(("cs5700fall2020 STATUS " + (100 + i) + " * 791\n").getBytes(StandardCharsets.US_ASCII));
        }
        OneMessagePerRead in = new OneMessagePerRead(messages);
        LineReader r = new LineReader(in, 256, StandardCharsets.US_ASCII);

        assertThat(readAll(r)).hasSize(100);
        assertThat(in.reads)
                .as("reads for 100 messages and the end of the stream")
                .isEqualTo(101);
    }

    /** Serves one message per read call, or as much of it as fits in the space offered. */
    private static final class OneMessagePerRead extends java.io.InputStream {
        private final List<byte[]> messages;
        private int message;
        private int offset;
        int reads;

        OneMessagePerRead(List<byte[]> messages) {
            this.messages = messages;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("LineReader reads in chunks");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            reads++;
            if (message == messages.size()) {
                return -1;
            }
            byte[] m = messages.get(message);
            int n = Math.min(len, m.length - offset);
            System.arraycopy(m, offset, b, off, n);
            offset += n;
            if (offset == m.length) {
                message++;
                offset = 0;
            }
            return n;
        }
    }
}
