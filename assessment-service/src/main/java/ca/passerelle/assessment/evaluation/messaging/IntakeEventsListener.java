package ca.passerelle.assessment.evaluation.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.assessment.evaluation.AssessmentService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;

/**
 * Binding {@code intakeEvents-in-0} on the intake topic: the opened case and every later clinical fact, consent change
 * and closure go to the assessment; other intake events ({@code DocumentAttached}) are ignored.
 */
@Configuration(proxyBeanMethods = false)
class IntakeEventsListener {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(AssessmentService assessments) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) ->
                        assessments.caseOpened(event, opened.caseId(), ClinicalPictures.from(opened)))
                .on(EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED, (event, recorded) ->
                        assessments.sessionRecorded(event, recorded.caseId(), ClinicalPictures.session(recorded)))
                .on(EventCatalog.IMAGING_RECORDED, (event, recorded) ->
                        assessments.imagingRecorded(event, recorded.caseId(), ClinicalPictures.imaging(recorded.study())))
                .on(EventCatalog.SYMPTOMS_REPORTED, (event, reported) ->
                        assessments.symptomsReported(event, reported.caseId(), ClinicalPictures.scores(reported)))
                .on(EventCatalog.RED_FLAG_REPORTED, (event, reported) ->
                        assessments.redFlagsReported(event, reported.caseId(), reported.redFlags()))
                .on(EventCatalog.CONSENT_CHANGED, (event, changed) ->
                        assessments.consentChanged(event, changed.caseId(), changed.consents(), changed.changedAt()))
                .on(EventCatalog.CASE_CLOSED, (event, closed) ->
                        assessments.caseClosed(event, closed.caseId(), closed.reason(), closed.closedAt()))
                .build();
    }
}
