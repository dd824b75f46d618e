/**
 * The {@code mathServer} health indicator: the embedded listeners and a probe of the default target. It may use
 * {@code mathserver}, {@code protocol}, {@code net} and {@code config}, and Actuator.
 */
package dev.flagrunner.health;
