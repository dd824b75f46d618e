/**
 * Why the service refuses a request, in the domain's words: {@link dev.flagrunner.refusal.Refusal} and the
 * exception that carries one with its detail. Services, resolvers and stores throw it; only {@code web} turns a
 * refusal into a problem type, a status and headers. It depends on the JDK only, so every feature may use it
 * without knowing HTTP.
 */
package dev.flagrunner.refusal;
