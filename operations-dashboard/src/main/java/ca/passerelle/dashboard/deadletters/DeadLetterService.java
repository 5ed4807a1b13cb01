package ca.passerelle.dashboard.deadletters;

import java.util.List;

import org.springframework.stereotype.Service;

/** Collects the dead letters of every consumer and lists them for coordinators. */
@Service
public class DeadLetterService {

    private final DeadLetters deadLetters;

    public DeadLetterService(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public void record(DeadLetter deadLetter) {
        deadLetters.store(deadLetter);
    }

    public void deleteAll() {
        deadLetters.deleteAll();
    }

    public long count() {
        return deadLetters.count();
    }

    public List<DeadLetter> newest(int limit) {
        return deadLetters.newest(limit);
    }
}
