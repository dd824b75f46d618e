package dev.flagrunner.protocol;

import java.io.IOException;

/** The stream ended in the middle of a message; {@link #partial()} is what had arrived of it. */
public final class TruncatedMessageException extends IOException {

    private final String partial;

    public TruncatedMessageException(String partial) {
        super("the stream ended in the middle of a message");
        this.partial = partial;
    }

    public String partial() {
        return partial;
    }
}
