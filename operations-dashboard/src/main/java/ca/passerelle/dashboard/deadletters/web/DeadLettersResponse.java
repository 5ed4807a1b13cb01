package ca.passerelle.dashboard.deadletters.web;

import java.time.Instant;
import java.util.List;

import ca.passerelle.dashboard.deadletters.DeadLetter;
import ca.passerelle.dashboard.deadletters.DeadLetterReplay;

/** How many dead letters there are, and the newest of them. */
public record DeadLettersResponse(long count, List<Item> items) {

    /** One dead letter; {@code partition}, {@code offset} and {@code originalTopic} say where to find it for a replay. */
    public record Item(String id, String topic, String key, String reason, Instant at, int partition, long offset, String originalTopic,
            Instant replayedAt, String replayedBy) {

        static Item of(DeadLetter deadLetter, DeadLetterReplay replay) {
            return new Item(deadLetter.id(), deadLetter.topic(), deadLetter.key(), deadLetter.reason(), deadLetter.at(),
                    deadLetter.partition(), deadLetter.offset(), deadLetter.originalTopic(),
                    replay == null ? null : replay.replayedAt(), replay == null ? null : replay.replayedBy());
        }
    }
}
