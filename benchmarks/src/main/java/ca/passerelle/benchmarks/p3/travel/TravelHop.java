package ca.passerelle.benchmarks.p3.travel;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.messaging.EventRouter;

/** P3 hop 2, in travel-coordination-service's place: SurgeryRecommended in, SurgeryScheduled out, through the real apply and outbox. */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = TravelHop.class)
public class TravelHop {

    private static final SurgeryScheduled SAMPLE = GoldenSamples.payload(EventCatalog.SURGERY_SCHEDULED);

    @Bean
    Consumer<Message<byte[]>> events(AggregateStore store) {
        return EventRouter.builder()
                .on(EventCatalog.SURGERY_RECOMMENDED, (event, recommended) -> store.apply(BenchBooking.class, recommended.caseId(), event,
                        () -> new BenchBooking(recommended.caseId()), booking -> booking.schedule(event.time())))
                .build();
    }

    @Document("bench_bookings")
    public static class BenchBooking extends AggregateDocument {

        @Id
        private final String caseId;
        private Instant scheduledAt;

        public BenchBooking(String caseId) {
            this.caseId = caseId;
        }

        void schedule(Instant at) {
            scheduledAt = at;
            raise(new SurgeryScheduled(caseId, SAMPLE.hospitalId(), SAMPLE.appointmentId(), SAMPLE.category(),
                    SAMPLE.preOpConsultationOn(), SAMPLE.surgeryOn(), SAMPLE.fitToFlyOn(), at), at);
        }
    }
}
