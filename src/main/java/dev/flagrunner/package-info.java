/**
 * The application class alone: {@code FlagrunnerApplication} starts a command-line tool ({@code cli}) or the
 * Spring Boot service. It may know every package; no package knows it (docs/architecture.md §1).
 */
package dev.flagrunner;
