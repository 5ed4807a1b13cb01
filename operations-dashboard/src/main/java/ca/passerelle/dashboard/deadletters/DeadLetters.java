package ca.passerelle.dashboard.deadletters;

import java.util.List;
import java.util.Optional;

/** Where dead letters are kept. */
public interface DeadLetters {

    /** Stores the record; storing the same topic, partition and offset again changes nothing. */
    void store(DeadLetter deadLetter);

    Optional<DeadLetter> find(String id);

    long count();

    /** The newest first. */
    List<DeadLetter> newest(int limit);

    /** Removes every dead letter (the rebuild starts from an empty collection). */
    void deleteAll();
}
