/**
 * Sessions as a service: {@code /sessions} (start, watch, list, cancel), {@code SessionService} that runs each
 * on a thread of its own, the history, target resolution and the session metrics. It uses the cores
 * ({@code protocol}, {@code tls}, {@code net}) to talk to a server, {@code config}, {@code mathserver} for the
 * embedded targets, {@code flag} to keep what was captured, {@code security} to know the caller, {@code refusal}
 * and {@code paging} to refuse and to answer pages; only {@code SessionController} knows {@code web}.
 */
package dev.flagrunner.session;
