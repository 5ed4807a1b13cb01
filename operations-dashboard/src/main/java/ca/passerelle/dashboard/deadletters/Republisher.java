package ca.passerelle.dashboard.deadletters;

/** Publishes a dead letter's original record again, unchanged, to the topic it failed on. */
public interface Republisher {

    /**
     * Reads the record at the dead letter's topic, partition and offset and publishes its key, value and headers (minus
     * the headers the dead-lettering added) to {@code toTopic}, waiting for the broker's acknowledgement.
     *
     * @throws ReplayFailedException when the record cannot be read or the broker does not acknowledge it
     */
    void republish(DeadLetter deadLetter, String toTopic, String replayedBy);

    /** The record could not be read or published again. */
    class ReplayFailedException extends RuntimeException {

        public ReplayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
