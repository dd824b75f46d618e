/**
 * Every {@code flagrunner.*} key as validated records with their defaults ({@code FlagrunnerProperties},
 * {@code FlagrunnerSecurityProperties}), and the start-up failure that names a misspelt key. Below every feature:
 * it may use the cores ({@code protocol}, {@code tls}) and Spring's binding and failure analysis, never a
 * feature, so every feature may read it.
 */
package dev.flagrunner.config;
