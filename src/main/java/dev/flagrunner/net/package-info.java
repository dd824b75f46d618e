/**
 * Plain-Java socket helpers (closing quietly, the {@code host:port} text of an endpoint) shared by the client ({@code protocol}), its TLS layer ({@code tls}) and the
 * reference server ({@code mathserver}); it depends on no other Flagrunner package.
 */
package dev.flagrunner.net;
