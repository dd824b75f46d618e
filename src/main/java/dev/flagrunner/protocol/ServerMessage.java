package dev.flagrunner.protocol;

/** A message from the math server, parsed field by field ({@link ServerMessageParser}). */
public sealed interface ServerMessage {

    /** A question; {@code payload} is everything after the question keyword and its space. */
    record Question(String payload) implements ServerMessage {}

    /** The end of the session with the secret flag. */
    record Flag(String flag) implements ServerMessage {
        @Override
        public String toString() {
            return "Flag[hidden]";
        }
    }

    /** The end of the session: the server does not know the student id ({@code Unknown_Husky_ID}). */
    record UnknownStudent(String marker) implements ServerMessage {}

    /** The server's explicit failure message (EECE7374 {@code FAIL}). */
    record Rejected(String line) implements ServerMessage {}
}
