package ca.passerelle.rehab.plan.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;
import ca.passerelle.rehab.plan.CaseId;
import ca.passerelle.rehab.plan.CompletedSurgery;
import ca.passerelle.rehab.plan.RehabPlanService;

/** Listens to travel-coordination events ({@code travelEvents-in-0}): a completed surgery starts the rehabilitation plan. */
@Configuration(proxyBeanMethods = false)
class TravelEventsListener {

    @Bean
    Consumer<Message<byte[]>> travelEvents(RehabPlanService plans) {
        return EventRouter.builder()
                .on(EventCatalog.SURGERY_COMPLETED, (event, completed) -> plans.planAfter(event,
                        new CompletedSurgery(CaseId.of(completed.caseId()), completed.category(), completed.performedOn())))
                .build();
    }
}
