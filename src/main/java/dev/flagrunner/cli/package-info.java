/**
 * The command line on picocli ({@code serve}, {@code client}, {@code server}, {@code eval}, help and
 * completion): the tools run on the cores and the server core without a Spring context; {@code serve} starts
 * the service. Only this package knows picocli, and it imports nothing from Spring or Micrometer.
 */
package dev.flagrunner.cli;
