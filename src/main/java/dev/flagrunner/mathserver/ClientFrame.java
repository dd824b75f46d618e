package dev.flagrunner.mathserver;

/** What the framing of a connection hands the conversation: a message, or why there is none. */
sealed interface ClientFrame {

    /** One message, without its terminator (a CR before the LF stays: the strict server does not drop it). */
    record Message(String text) implements ClientFrame {}

    /** The message grew past {@code limit} bytes before its end; the framing keeps none of it and reads no more. */
    record TooLong(int atLeast, int limit) implements ClientFrame {}

    /** The stream ended {@code length} bytes into a message. */
    record Truncated(int length) implements ClientFrame {}
}
