package dev.flagrunner.cli;

import javax.net.ssl.SSLContext;

/** The TLS context of the server command: a generated self-signed certificate, or a PEM key and certificate. */
final class ServerTlsSetup {

    private ServerTlsSetup() {}

    static SSLContext context(String certPath, String keyPath) throws Args.UsageException {
        throw new Args.UsageException("TLS (-s) is not supported by this build yet");
    }
}
