/**
 * The durable store: the data directory and its owner-only modes, the SQLite database with its Flyway migrations
 * ({@code SqlStore}), its health and its failures ({@code StoreException}). The feature journals ({@code flag},
 * {@code session}) write through it; it may use {@code config}, Spring, JDBC and Flyway, and knows no feature.
 */
package dev.flagrunner.store;
