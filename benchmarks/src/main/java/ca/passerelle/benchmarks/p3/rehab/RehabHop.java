package ca.passerelle.benchmarks.p3.rehab;

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
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.messaging.EventRouter;

/** P3 hop 3, in rehab-followup-service's place: SurgeryScheduled in, RehabPlanCreated out, through the real apply and outbox. */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = RehabHop.class)
public class RehabHop {

    private static final RehabPlanCreated SAMPLE = GoldenSamples.payload(EventCatalog.REHAB_PLAN_CREATED);

    @Bean
    Consumer<Message<byte[]>> events(AggregateStore store) {
        return EventRouter.builder()
                .on(EventCatalog.SURGERY_SCHEDULED, (event, scheduled) -> store.apply(BenchRehabPlan.class, scheduled.caseId(), event,
                        () -> new BenchRehabPlan(scheduled.caseId()), plan -> plan.create(event.time())))
                .build();
    }

    @Document("bench_rehab_plans")
    public static class BenchRehabPlan extends AggregateDocument {

        @Id
        private final String caseId;
        private Instant createdAt;

        public BenchRehabPlan(String caseId) {
            this.caseId = caseId;
        }

        void create(Instant at) {
            createdAt = at;
            raise(new RehabPlanCreated(caseId, SAMPLE.category(), SAMPLE.rehabClinicId(), SAMPLE.phases(), SAMPLE.checkpoints(), at), at);
        }
    }
}
