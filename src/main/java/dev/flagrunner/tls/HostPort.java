package dev.flagrunner.tls;

/** Formats a target as {@code host:port}, bracketing IPv6 literals ({@code [::1]:4433}). */
final class HostPort {

    private HostPort() {}

    static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
