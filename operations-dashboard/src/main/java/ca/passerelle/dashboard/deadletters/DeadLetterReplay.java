package ca.passerelle.dashboard.deadletters;

import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a coordinator replayed a dead letter: one document per dead letter (its id), inserted before the record is
 * published again, so a second replay is refused. Kept in its own collection, which the rebuild does not empty: it is
 * the dashboard's own record of an action, not a projection of the topics (the rebuilt dead letters show as replayed).
 *
 * @param id the dead letter's id ({@code <topic>:<partition>:<offset>})
 * @param replayedAt when
 * @param replayedBy the coordinator's token subject
 * @param toTopic the topic the record was published to again (its original topic)
 */
@Document("dead-letter-replays")
public record DeadLetterReplay(@Id String id, Instant replayedAt, String replayedBy, String toTopic) {

    public DeadLetterReplay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(replayedAt, "replayedAt");
    }
}
