package dev.flagrunner.tls;

/**
 * A TLS setting that cannot work: an unknown trust mode, a missing, unreadable or non-PEM file (the
 * message names the path), a private key that does not belong to its certificate, or a protocol version
 * this JDK does not support or has disabled. Raised when the setting is read, so a bad configuration
 * fails at start, before any connection.
 */
public final class TlsConfigurationException extends IllegalArgumentException {

    public TlsConfigurationException(String message) {
        super(message);
    }

    public TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
