/**
 * The reference math server: its core (listeners, conversations, questions and the exact answers expected,
 * flags, faults, options) is plain Java that runs alone under the {@code server} command and in tests, and may
 * use only the JDK, SLF4J and the cores; {@code EmbeddedMathServer}, {@code CertificateController} and
 * {@code ListenersController} put it in the service with Spring (docs/architecture.md §7).
 */
package dev.flagrunner.mathserver;
