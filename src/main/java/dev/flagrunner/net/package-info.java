/**
 * The transport, plain Java: connecting with TCP_NODELAY and closing (quietly, or at once under a blocked write),
 * the read and write timeouts of blocking sockets ({@code ReadTimeouts}), the read-buffered socket that carries
 * TLS, the sockets a session connects ({@code UnconnectedSockets}) and the {@code host:port} text of an endpoint.
 * The client ({@code protocol}), its TLS layer ({@code tls}), the reference server ({@code mathserver}), the
 * service and the CLI share it; it depends on the JDK only (with {@code javax.net}), on no Flagrunner package.
 */
package dev.flagrunner.net;
