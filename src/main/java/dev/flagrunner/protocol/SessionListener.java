package dev.flagrunner.protocol;

/**
 * Progress of a running client session, for the metrics (a session body's answer count reads
 * {@link ClientSession#answered()} instead). Called on the session's thread.
 */
public interface SessionListener {

    SessionListener NONE = (answered, nanos) -> {};

    /**
     * @param answered     answers sent so far in this session
     * @param latencyNanos the time of this question: read, evaluate and write
     */
    void questionAnswered(int answered, long latencyNanos);
}
