package dev.flagrunner.protocol;

/** Progress of a running client session (metrics, progress shown over REST). Called on the session's thread. */
public interface SessionListener {

    SessionListener NONE = (answered, nanos) -> {};

    /**
     * @param answered     answers sent so far in this session
     * @param latencyNanos the time of this question: read, evaluate and write
     */
    void questionAnswered(int answered, long latencyNanos);
}
