package ca.passerelle.rehab.plan.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;
import ca.passerelle.rehab.plan.CaseId;
import ca.passerelle.rehab.plan.RehabPlanService;

/** Listens to intake events ({@code intakeEvents-in-0}): an opened case tells which clinic the plan belongs to. */
@Configuration(proxyBeanMethods = false)
class IntakeEventsListener {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(RehabPlanService plans) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) -> plans.recordReferral(event, CaseId.of(opened.caseId()), opened.clinicId()))
                .build();
    }
}
