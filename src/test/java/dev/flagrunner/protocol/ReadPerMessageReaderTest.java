package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.support.ChunkedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadPerMessageReaderTest {

    @Test
    void eachReadIsOneMessage() throws IOException {
        ReadPerMessageReader r = new ReadPerMessageReader(
                new ChunkedInputStream("EECE7374 EXPR 1 + 2".getBytes(StandardCharsets.UTF_8), 100),
                4096,
                StandardCharsets.UTF_8);

        assertThat(r.next()).isEqualTo("EECE7374 EXPR 1 + 2");
        assertThat(r.next()).isNull();
    }

    @Test
    void aTrailingLineFeedIsDropped() throws IOException {
        ReadPerMessageReader r = new ReadPerMessageReader(
                new ChunkedInputStream("EECE7374 FAIL\n".getBytes(StandardCharsets.UTF_8), 100),
                4096,
                StandardCharsets.UTF_8);

        assertThat(r.next()).isEqualTo("EECE7374 FAIL");
    }

    @Test
    void aReadLargerThanTheLimitIsRefused() {
        ReadPerMessageReader r = new ReadPerMessageReader(
                new ChunkedInputStream("x".repeat(5000).getBytes(StandardCharsets.UTF_8), 10_000),
                4096,
                StandardCharsets.UTF_8);

        assertThatThrownBy(r::next)
                .isInstanceOf(LineTooLongException.class)
                .hasMessage("line length (at least 4097) exceeds the allowed maximum (4096)");
    }
}
