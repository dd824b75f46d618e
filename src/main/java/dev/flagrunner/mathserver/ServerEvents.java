package dev.flagrunner.mathserver;

/** Told about each finished connection (metrics in the service; nothing in the standalone server). */
@FunctionalInterface
public interface ServerEvents {

    ServerEvents NONE = (options, outcome) -> {};

    void sessionEnded(ServerOptions options, ServerOutcome outcome);
}
