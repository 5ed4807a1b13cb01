package ca.passerelle.travel.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.Topics;
import ca.passerelle.platform.messaging.OutboxEntry;

/**
 * One partner hospital's feed, one document keyed by the hospital id. The sequence counter, the event and its outbox
 * entry are written in one single-document update guarded by the version, so the sequence is gap-free and strictly
 * increasing, and nothing is published that was not recorded (and the other way round). The outbox is published on
 * the hospital's own topic by {@link HospitalFeedRelay}.
 */
@Document(HospitalFeed.COLLECTION)
public class HospitalFeed {

    static final String COLLECTION = "hospital_feeds";
    /** The CloudEvents type of a feed event; its data is a FHIR R4 Appointment. */
    public static final String EVENT_TYPE = "ca.passerelle.travel.hospital-appointment.v1";

    @Id
    private String hospitalId;
    @Version
    private Long version;
    private long lastSequence;
    private List<FeedEntry> entries = new ArrayList<>();
    /** Read and emptied by the outbox relay (same shape as an aggregate's outbox). */
    private List<OutboxEntry> outbox = new ArrayList<>();

    HospitalFeed() {
    }

    static HospitalFeed of(String hospitalId) {
        HospitalFeed feed = new HospitalFeed();
        feed.hospitalId = hospitalId;
        return feed;
    }

    boolean hasNotice(String noticeId) {
        return entries.stream().anyMatch(entry -> entry.noticeId().equals(noticeId));
    }

    /** Appends the next event: sequence = last + 1, recorded for catch-up and queued for the hospital's topic. */
    FeedEntry append(String noticeId, String appointmentId, Instant time, String appointmentJson) {
        lastSequence++;
        FeedEntry entry = new FeedEntry(lastSequence, UUID.randomUUID().toString(), noticeId, appointmentId, time, appointmentJson);
        entries.add(entry);
        outbox.add(new OutboxEntry(entry.eventId(), EVENT_TYPE, Topics.hospitalFeed(hospitalId), hospitalId, entry.sequence(), time,
                appointmentJson));
        return entry;
    }

    public String hospitalId() {
        return hospitalId;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public List<FeedEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
