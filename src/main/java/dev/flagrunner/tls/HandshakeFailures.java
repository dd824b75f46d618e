package dev.flagrunner.tls;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a failed handshake's exception into the JDK's root-cause reason in plain words: the first
 * message along the cause chain with embedded class names removed ("PKIX path building failed:
 * sun.security...SunCertPathBuilderException: unable to find..." becomes "PKIX path building failed:
 * unable to find..."), plus a hint where the JDK's words alone mislead.
 */
final class HandshakeFailures {

    private static final Pattern CLASS_NAME =
            Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    private HandshakeFailures() {}

    static String reason(Throwable failure, long timeoutMillis, List<String> protocols) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "no TLS answer within " + timeoutMillis + " ms (the handshake timeout; a plain TCP server"
                        + " waits silently for the client to speak, so this may not be a TLS port)";
            }
        }
        String message = CLASS_NAME.matcher(firstMessage(failure)).replaceAll("");
        if (message.startsWith("Unsupported or unrecognized SSL message")) {
            return message + " (the server answered without TLS: this looks like a plain TCP port)";
        }
        if (message.startsWith("No appropriate protocol")) {
            return message + " (requested " + String.join(", ", protocols) + "; see the JDK security property "
                    + TlsProtocols.DISABLED_PROPERTY + ")";
        }
        if (message.contains("protocol_version")) {
            return message + " (the server accepts none of " + String.join(", ", protocols) + ")";
        }
        return message;
    }

    private static String firstMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
