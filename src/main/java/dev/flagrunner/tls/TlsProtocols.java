package dev.flagrunner.tls;

import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Checks requested TLS protocol versions against what this JDK supports and what its security property
 * {@value #DISABLED_PROPERTY} disables. The JDK accepts a disabled version in
 * {@code SSLSocket.setEnabledProtocols} without complaint and fails only at the handshake with "No
 * appropriate protocol (protocol is disabled or cipher suites are inappropriate)", naming neither the
 * version nor the property; checking first turns that into a configuration error that names both.
 */
final class TlsProtocols {

    static final String DISABLED_PROPERTY = "jdk.tls.disabledAlgorithms";
    static final List<String> DEFAULT = List.of("TLSv1.3", "TLSv1.2");

    private TlsProtocols() {}

    /** The requested versions (the defaults when empty), each supported and enabled by this JDK. */
    static List<String> check(List<String> requested, SSLContext context) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT;
        }
        List<String> supported = List.of(context.getSupportedSSLParameters().getProtocols());
        for (String protocol : requested) {
            if (!supported.contains(protocol)) {
                throw new TlsConfigurationException("TLS protocol version '" + protocol
                        + "' is not supported by this JDK; supported: " + String.join(", ", supported));
            }
            if (isDisabledByJdk(protocol)) {
                throw new TlsConfigurationException("TLS protocol version " + protocol
                        + " is disabled by this JDK's security property " + DISABLED_PROPERTY
                        + " (conf/security/java.security); to allow it, start java with"
                        + " -Djava.security.properties=FILE where FILE redefines " + DISABLED_PROPERTY
                        + " without " + protocol + " (see docs/tls.md)");
            }
        }
        return List.copyOf(requested);
    }

    /** Whether the property lists the version by name (its entries are names, some with constraints). */
    static boolean isDisabledByJdk(String protocol) {
        String value = Security.getProperty(DISABLED_PROPERTY);
        if (value == null) {
            return false;
        }
        return Arrays.stream(value.split(","))
                .map(entry -> entry.strip().split("\\s+")[0].toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet())
                .contains(protocol.toLowerCase(Locale.ROOT));
    }
}
