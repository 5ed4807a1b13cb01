package ca.passerelle.dashboard.deadletters;

import java.util.Collection;
import java.util.Map;

/** Which dead letters were replayed. */
public interface DeadLetterReplays {

    /** Records the replay unless this dead letter was already replayed (then false: nothing is written). */
    boolean claim(DeadLetterReplay replay);

    /** Forgets a claim whose publication failed, so that the coordinator can try again. */
    void release(String id);

    /** The replays of these dead letters, by dead-letter id. */
    Map<String, DeadLetterReplay> of(Collection<String> ids);
}
