package ca.passerelle.assessment.evaluation.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.assessment.evaluation.AssessmentService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;

/** Binding {@code intakeEvents-in-0} on the intake topic: each opened case is assessed; other intake events are ignored. */
@Configuration(proxyBeanMethods = false)
class IntakeEventsListener {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(AssessmentService assessments) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) ->
                        assessments.caseOpened(event, opened.caseId(), ClinicalPictures.from(opened)))
                .build();
    }
}
