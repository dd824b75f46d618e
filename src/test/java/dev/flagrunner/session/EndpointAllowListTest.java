package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointAllowListTest {

    private final EndpointAllowList list = new EndpointAllowList(List.of(
            "grader.example.edu:27995", "10.0.0.5:27993-27999", "[::1]:5206", "Lab.Example.Edu:1-2", "127.0.0.1:5000"));

    @ParameterizedTest
    @CsvSource({
        "grader.example.edu, 27995, true",
        "GRADER.example.EDU, 27995, true",
        "grader.example.edu, 27996, false",
        "10.0.0.5,           27993, true",
        "10.0.0.5,           27999, true",
        "10.0.0.5,           28000, false",
        "10.0.0.5,           27992, false",
        "[::1],              5206,  true",
        "::1,                5206,  true",
        "0:0:0:0:0:0:0:1,    5206,  false",
        "lab.example.edu,    2,     true",
        "127.0.0.1,          27995, false",
        "grader.example.edu., 27995, false",
        // Compared as text, never resolved: another spelling of an allowed address is not allowed.
        "127.0.0.1,          5000,  true",
        "localhost,          5000,  false",
        "127.1,              5000,  false",
    })
    void allowsExactlyTheHostAndPortsAnEntrySpells(String host, int port, boolean allowed) {
        assertThat(list.allows(host, port)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "example.com          | no port",
                "example.com:         | a port is a number from 1 to 65535",
                "example.com:0        | a port is a number from 1 to 65535",
                "example.com:65536    | a port is a number from 1 to 65535",
                "example.com:http     | a port is a number from 1 to 65535",
                "example.com:20-10    | the range ends below its start",
                "example.com:10-      | a port is a number from 1 to 65535",
                "example.com:*        | a port is a number from 1 to 65535",
                "::1:27995            | an IPv6 address goes in brackets",
                "[::1:27995           | not an IPv6 address in brackets",
                "[example.com]:27995  | not an IPv6 address in brackets",
                ":27995               | no port",
                "*.example.com:27995  | not a host name or an IP address",
            })
    void aBadEntryIsRefusedNamingTheKeyAndTheEntry(String entry, String why) {
        assertThatThrownBy(() -> new EndpointAllowList(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "flagrunner.allowed-endpoints: '" + entry + "' is not host:port or host:lo-hi (" + why);
    }
}
