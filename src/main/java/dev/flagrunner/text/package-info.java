/**
 * Plain-Java text helpers shared by the expression engine and the protocol: how untrusted text is quoted
 * or described in an error message. It depends on the JDK only, so every package may use it.
 */
package dev.flagrunner.text;
