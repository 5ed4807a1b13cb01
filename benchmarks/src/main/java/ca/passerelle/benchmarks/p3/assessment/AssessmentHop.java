package ca.passerelle.benchmarks.p3.assessment;

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
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.messaging.EventRouter;

/**
 * P3 hop 1, in assessment-service's place: consumes CaseOpened (v2) from the intake topic through the project's
 * {@link EventRouter}, applies it once through the real {@link AggregateStore} (read, idempotence check, versioned save
 * carrying the consumed event id and the raised event) and the real outbox relay publishes SurgeryRecommended. The
 * domain logic is a stub: the cost measured is the platform's.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = AssessmentHop.class)
public class AssessmentHop {

    private static final SurgeryRecommended SAMPLE = GoldenSamples.payload(EventCatalog.SURGERY_RECOMMENDED);

    @Bean
    Consumer<Message<byte[]>> events(AggregateStore store) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) -> store.apply(BenchAssessment.class, opened.caseId(), event,
                        () -> new BenchAssessment(opened.caseId()), assessment -> assessment.recommend(event.time())))
                .build();
    }

    @Document("bench_assessments")
    public static class BenchAssessment extends AggregateDocument {

        @Id
        private final String caseId;
        private Instant recommendedAt;

        public BenchAssessment(String caseId) {
            this.caseId = caseId;
        }

        void recommend(Instant at) {
            recommendedAt = at;
            raise(new SurgeryRecommended(caseId, SAMPLE.category(), SAMPLE.probableCauses(), SAMPLE.rationale(), at), at);
        }
    }
}
