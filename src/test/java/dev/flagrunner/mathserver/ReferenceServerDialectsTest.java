package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.support.Flags;
import dev.flagrunner.support.MathServers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client captures the flag of every dialect from the reference server, under every fault mode. */
class ReferenceServerDialectsTest {

    private static final FlagMinter MINTER = Flags.minter("dialects");

    static List<Dialect> dialects() {
        return Dialects.all();
    }

    static Stream<Arguments> dialectsAndFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (Dialect d : dialects()) {
            List<String> faults = new ArrayList<>(List.of("", "delay=1"));
            if (d.framing() == dev.flagrunner.protocol.Framing.LINE_FEED) {
                faults.addAll(List.of("fragment", "coalesce", "crlf", "fragment,coalesce,crlf"));
            }
            if (d.end() == Dialect.EndForm.BYE) {
                faults.addAll(List.of("bye-order=flag-first", "bye-order=bye-first"));
            }
            faults.forEach(f -> cases.add(Arguments.of(d.name(), f)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with faults [{1}]")
    @MethodSource("dialectsAndFaults")
    void capturesTheFlag(String dialectName, String faults) throws Exception {
        Dialect dialect = Dialects.byName(dialectName).orElseThrow();
        ServerOptions options = MathServers.builder(dialect, MINTER, 40)
                .faults(Faults.parse(faults.isEmpty() ? List.of() : List.of(faults.split(","))))
                .seed(5700)
                .build();
        try (MathServer server = MathServers.start(options)) {
            ClientSession session = MathServers.session(server);

            assertThat(session.run()).isEqualTo(MINTER.flag(false, dialect.defaultClassId(), "001234567"));
            assertThat(session.answered()).isEqualTo(40);
        }
    }
}
