package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.MathServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A seed makes the question sequence reproducible: the same for every connection and every start. */
class SeededServerTest {

    private static String firstQuestion(ServerOptions options) throws Exception {
        try (MathServer server = MathServers.start(options);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("cs5700fall2022 HELLO x\n".getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void theSameSeedAsksTheSameQuestions() throws Exception {
        ServerOptions seeded =
                MathServers.builder(Dialects.EVAL2022, 10).seed(42).build();

        String first = firstQuestion(seeded);

        assertThat(first).startsWith("cs5700fall2022 EVAL ");
        assertThat(firstQuestion(seeded)).isEqualTo(first);
        assertThat(seeded.seed()).isEqualTo(OptionalLong.of(42));
        assertThat(firstQuestion(seeded.toBuilder().seed(43).build())).isNotEqualTo(first);
    }
}
