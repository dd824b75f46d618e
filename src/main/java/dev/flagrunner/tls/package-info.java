/**
 * TLS for Flagrunner, in plain Java (no Spring): how a client trusts a server ({@link
 * dev.flagrunner.tls.TrustMode}, {@link dev.flagrunner.tls.ClientTls}) and the reference server's
 * identity ({@link dev.flagrunner.tls.ServerCertificate}), with PEM reading and writing ({@link
 * dev.flagrunner.tls.Pem}). Failures are a {@link dev.flagrunner.tls.TlsHandshakeException} (an
 * {@code IOException}, at connection time) or a {@link dev.flagrunner.tls.TlsConfigurationException}
 * (at configuration time). See {@code docs/tls.md}.
 */
package dev.flagrunner.tls;
