/**
 * The client side of the math server protocol, plain Java: the dialect table and each dialect's message text
 * ({@code Dialects}, {@code DialectMessages}), bounded framing, the server message parser, one session from
 * connect to flag ({@code ClientSession}) and the failure reasons it ends with (docs/protocol.md,
 * docs/architecture.md §4-§5). It may use the JDK and the other cores ({@code expression}, {@code net},
 * {@code tls}, {@code text}); nothing of Spring, the service or the server.
 */
package dev.flagrunner.protocol;
