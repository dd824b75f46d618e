package dev.flagrunner.net;

/**
 * The one text of an endpoint, {@code host:port}, in details, logs and health: an IPv6 literal in brackets
 * ({@code [::1]:4433}), so that its last colon is not read as the port's.
 */
public final class HostPort {

    private HostPort() {}

    public static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
