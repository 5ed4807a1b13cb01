package ca.passerelle.travel.feed;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.messaging.MessagingProperties;
import ca.passerelle.travel.booking.FeedNotice;
import ca.passerelle.travel.booking.HospitalFeedPublisher;

/**
 * Appends the bookings' notices to their hospitals' feeds and answers the catch-up reads. An append is one
 * single-document update of the hospital's feed (counter, entry, outbox together), retried on a lost race; a notice
 * already in the feed is not appended again, so the saga driver may repeat the step after a crash.
 */
@Service
public class HospitalFeedService implements HospitalFeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(HospitalFeedService.class);
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final FhirAppointments appointments;
    private final HospitalFeedRelay relay;
    private final MessagingProperties messaging;

    HospitalFeedService(MongoTemplate mongo, FhirAppointments appointments, HospitalFeedRelay relay, MessagingProperties messaging) {
        this.mongo = mongo;
        this.appointments = appointments;
        this.relay = relay;
        this.messaging = messaging;
    }

    @Override
    public void append(FeedNotice notice) {
        String json = appointments.json(notice);
        for (int attempt = 1; ; attempt++) {
            HospitalFeed feed = mongo.findById(notice.hospitalId(), HospitalFeed.class);
            boolean created = feed == null;
            if (created) {
                feed = HospitalFeed.of(notice.hospitalId());
            }
            if (feed.hasNotice(notice.noticeId())) {
                return;
            }
            FeedEntry entry = feed.append(notice.noticeId(), notice.appointmentId(), notice.at(), json);
            try {
                if (created) {
                    mongo.insert(feed);
                } else {
                    mongo.save(feed);
                }
                relay.wakeUp();
                log.info("Hospital feed {}: #{} appointment {} {}", notice.hospitalId(), entry.sequence(), notice.appointmentId(),
                        notice.status());
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The events of this hospital's feed after sequence {@code after}, in order, exactly as they are published. */
    public List<EventEnvelope> after(String hospitalId, long after) {
        HospitalFeed feed = mongo.findById(hospitalId, HospitalFeed.class);
        if (feed == null) {
            return List.of();
        }
        return feed.entries().stream().filter(entry -> entry.sequence() > after)
                .map(entry -> new EventEnvelope(EventEnvelope.SPEC_VERSION, entry.eventId(), messaging.source(), HospitalFeed.EVENT_TYPE,
                        entry.time(), hospitalId, EventEnvelope.DATA_CONTENT_TYPE, entry.sequence(), EventCodec.mapper().readTree(entry.data())))
                .toList();
    }
}
