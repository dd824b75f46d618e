package dev.flagrunner.session;

/**
 * How a session decides whether to trust its TLS target's certificate: the embedded server's own certificate,
 * pinned in-process, or a trust setting (a configured target's {@code trust:}; {@code system} for an ad-hoc
 * endpoint).
 */
sealed interface TargetTrust permits TargetTrust.EmbeddedCertificate, TargetTrust.Setting {

    /** The embedded server's own certificate: the service never needs {@code insecure} for it. */
    TargetTrust EMBEDDED = new EmbeddedCertificate();

    /** The JDK's trust store, with the name checked: what an ad-hoc endpoint is verified with. */
    TargetTrust SYSTEM = new Setting("system");

    record EmbeddedCertificate() implements TargetTrust {}

    /** A trust setting as configured: {@code system}, {@code insecure} or the path of a PEM file ({@code tls/TrustMode}). */
    record Setting(String text) implements TargetTrust {}
}
