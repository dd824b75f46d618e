package dev.flagrunner.session;

import dev.flagrunner.net.HostPort;
import java.util.List;
import java.util.Locale;

/**
 * {@code flagrunner.allowed-endpoints}: the hosts and ports a request may name beyond the embedded server and the
 * configured targets. An entry is {@code host:port} or {@code host:lo-hi}; an IPv6 address goes in brackets
 * ({@code [::1]:27995}). Hosts are compared as text, case-insensitively and without brackets, and never
 * resolved: an entry allows the very name or address it spells ({@code 127.0.0.1} does not allow
 * {@code localhost}), so no DNS answer can widen it.
 */
final class EndpointAllowList {

    static final String KEY = "flagrunner.allowed-endpoints";

    private record Entry(String host, int low, int high) {}

    private final List<Entry> entries;

    /** @throws IllegalArgumentException naming the key and the entry, for an entry that is not one */
    EndpointAllowList(List<String> entries) {
        this.entries = entries.stream().map(EndpointAllowList::parse).toList();
    }

    boolean allows(String host, int port) {
        String h = normalise(host);
        return entries.stream().anyMatch(e -> e.host().equals(h) && port >= e.low() && port <= e.high());
    }

    /** Whether two endpoints are the same, compared as entries are. */
    static boolean same(String host, int port, String otherHost, int otherPort) {
        return port == otherPort && normalise(host).equals(normalise(otherHost));
    }

    /** {@code host:port}, an IPv6 address in brackets. */
    static String format(String host, int port) {
        return HostPort.format(normalise(host), port);
    }

    /** Lower case, without the brackets of an IPv6 literal: the form entries and requests are compared in. */
    private static String normalise(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.toLowerCase(Locale.ROOT);
    }

    private static Entry parse(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0) {
            throw invalid(entry, "no port");
        }
        String host = entry.substring(0, colon);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || !host.matches("\\[[0-9A-Fa-f:.]+]")) {
                throw invalid(entry, "not an IPv6 address in brackets");
            }
        } else if (host.contains(":")) {
            throw invalid(entry, "an IPv6 address goes in brackets");
        } else if (!host.matches("[A-Za-z0-9.\\-]{1,253}")) {
            throw invalid(entry, "not a host name or an IP address");
        }
        String ports = entry.substring(colon + 1);
        int dash = ports.indexOf('-');
        int low = port(entry, dash < 0 ? ports : ports.substring(0, dash));
        int high = dash < 0 ? low : port(entry, ports.substring(dash + 1));
        if (high < low) {
            throw invalid(entry, "the range ends below its start");
        }
        return new Entry(normalise(host), low, high);
    }

    private static int port(String entry, String text) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw invalid(entry, "a port is a number from 1 to 65535");
        }
        return Integer.parseInt(text);
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException(KEY + ": '" + entry + "' is not host:port or host:lo-hi (" + why
                + "; e.g. grader.example.edu:27995, 10.0.0.5:27993-27999, [::1]:5206)");
    }
}
