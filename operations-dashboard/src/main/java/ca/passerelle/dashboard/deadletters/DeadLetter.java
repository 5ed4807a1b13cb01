package ca.passerelle.dashboard.deadletters;

import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A record that some consumer could not process, as it lies on a dead-letter topic.
 *
 * @param id {@code <topic>:<partition>:<offset>}, so a record delivered twice is stored once
 * @param key the record key (the case id for case events), or null
 * @param reason why the consumer gave up (the {@code x-exception-message} header), or null when the header is missing
 * @param originalTopic the topic the record failed on, when the dead-letter headers say so
 * @param at when the record was written to the dead-letter topic
 */
@Document("dead-letters")
public record DeadLetter(
        @Id String id,
        String topic,
        int partition,
        long offset,
        String key,
        String reason,
        String originalTopic,
        @Indexed Instant at) {

    public DeadLetter {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(at, "at");
        if (id == null) {
            id = idOf(topic, partition, offset);
        }
    }

    public static DeadLetter of(String topic, int partition, long offset, String key, String reason, String originalTopic,
            Instant at) {
        return new DeadLetter(idOf(topic, partition, offset), topic, partition, offset, key, reason, originalTopic, at);
    }

    static String idOf(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }
}
