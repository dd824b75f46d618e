package dev.flagrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Line splitting on in-memory text, including text that arrives a few characters per read. */
class BoundedLineReaderTest {

    @Test
    void splitsOnLfAndDropsOneCrBeforeIt() throws Exception {
        BoundedLineReader lines = new BoundedLineReader(new StringReader("a\r\nb\n\r\r\nc\rd\n"), 10);
        assertThat(lines.readLine()).isEqualTo("a");
        assertThat(lines.readLine()).isEqualTo("b");
        assertThat(lines.readLine()).isEqualTo("\r");
        assertThat(lines.readLine()).isEqualTo("c\rd");
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void keepsSpacesAndAnUnterminatedLastLine() throws Exception {
        BoundedLineReader lines = new BoundedLineReader(new StringReader("  x  \n\ny"), 10);
        assertThat(lines.readLine()).isEqualTo("  x  ");
        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo("y");
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void skipsAnOverlongLineAndGoesOn() throws Exception {
        BoundedLineReader lines = new BoundedLineReader(trickle("12345\n123456\n1234567\r\n12345\r\nok"), 5);
        assertThat(lines.readLine()).isEqualTo("12345");
        assertThatThrownBy(lines::readLine).hasMessage("line length (6) exceeds the allowed maximum (5)");
        assertThatThrownBy(lines::readLine).hasMessage("line length (7) exceeds the allowed maximum (5)");
        assertThat(lines.readLine()).isEqualTo("12345");
        assertThat(lines.readLine()).isEqualTo("ok");
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void refusesANonPositiveMaximum() {
        assertThatThrownBy(() -> new BoundedLineReader(new StringReader(""), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A reader that hands out at most two characters per read, like a slow pipe. */
    private static Reader trickle(String text) {
        StringReader inner = new StringReader(text);
        return new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return inner.read(buffer, offset, Math.min(length, 2));
            }

            @Override
            public void close() {}
        };
    }
}
