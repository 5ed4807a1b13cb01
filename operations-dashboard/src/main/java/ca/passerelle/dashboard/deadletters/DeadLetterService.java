package ca.passerelle.dashboard.deadletters;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import ca.passerelle.dashboard.ReadModelChanged;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.security.Caller;

/** Collects the dead letters of every consumer, lists them for coordinators, and replays one after a fix (audited). */
@Service
public class DeadLetterService {

    /** The audit trail's action and resource type of a replay. */
    public static final String REPLAY_ACTION = "REPLAY_DEAD_LETTER";
    public static final String RESOURCE_TYPE = "dead-letter";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetters deadLetters;
    private final DeadLetterReplays replays;
    private final Republisher republisher;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    public DeadLetterService(DeadLetters deadLetters, DeadLetterReplays replays, Republisher republisher, AuditTrail audit,
            Clock clock, ApplicationEventPublisher changes) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.republisher = republisher;
        this.audit = audit;
        this.clock = clock;
        this.changes = changes;
    }

    public void record(DeadLetter deadLetter) {
        deadLetters.store(deadLetter);
        changes.publishEvent(new ReadModelChanged("dead-letter", null));
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

    /** The replays of these dead letters, by dead-letter id. */
    public Map<String, DeadLetterReplay> replaysOf(List<DeadLetter> listed) {
        return replays.of(listed.stream().map(DeadLetter::id).toList());
    }

    /**
     * Publishes the dead letter's record again to its original topic, once: the replay is claimed first (a second
     * replay, even concurrent, is refused and publishes nothing), then published, then written to the audit trail
     * (who, when, which dead letter, to which topic). A failed publication releases the claim.
     */
    public ReplayOutcome replay(Caller caller, String deadLetterId) {
        Optional<DeadLetter> found = deadLetters.find(deadLetterId);
        if (found.isEmpty()) {
            return ReplayOutcome.UNKNOWN;
        }
        DeadLetter deadLetter = found.get();
        if (deadLetter.originalTopic() == null || deadLetter.originalTopic().isBlank() || deadLetter.offset() < 0) {
            return ReplayOutcome.NO_ORIGINAL_TOPIC;
        }
        if (!replays.claim(new DeadLetterReplay(deadLetter.id(), clock.instant(), caller.subject(), deadLetter.originalTopic()))) {
            return ReplayOutcome.ALREADY_REPLAYED;
        }
        try {
            republisher.republish(deadLetter, deadLetter.originalTopic(), caller.subject());
        } catch (RuntimeException e) {
            replays.release(deadLetter.id());
            log.warn("Replay of dead letter {} failed: {}", deadLetter.id(), e.getClass().getSimpleName());
            return ReplayOutcome.FAILED;
        }
        audit.record(caller, REPLAY_ACTION, RESOURCE_TYPE, deadLetter.id(), "replay after fix to " + deadLetter.originalTopic());
        log.info("Dead letter {} replayed to {} by {}", deadLetter.id(), deadLetter.originalTopic(), caller.subject());
        changes.publishEvent(new ReadModelChanged("dead-letter", null));
        return ReplayOutcome.REPLAYED;
    }

    /** What became of a replay. */
    public enum ReplayOutcome {
        REPLAYED,
        /** Replayed before (by anyone): nothing published. */
        ALREADY_REPLAYED,
        UNKNOWN,
        /** The dead-letter headers do not say which topic the record failed on. */
        NO_ORIGINAL_TOPIC,
        /** The record could not be read or published; nothing recorded, the coordinator may try again. */
        FAILED
    }
}
