package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A socket that cannot even be made is a connect failure naming the address as every other message does. */
class SocketOpenerTest {

    @Test
    void aSocketThatCannotBeMadeNamesTheAddressWithAnIpv6LiteralBracketed() {
        SocketOpener opener = SocketOpener.plain(tls -> {
            throw new IOException("no buffer space available");
        });

        assertThatThrownBy(() -> opener.open("::1", 4433, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(SessionFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(FailureReason.CONNECT_FAILED);
                    assertThat(f.getMessage())
                            .isEqualTo("cannot open a socket to [::1]:4433:"
                                    + " java.io.IOException: no buffer space available");
                });
    }
}
