package ca.passerelle.rehab.plan.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.Symptoms;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.platform.messaging.EventRouter;
import ca.passerelle.rehab.plan.Baseline;
import ca.passerelle.rehab.plan.CaseId;
import ca.passerelle.rehab.plan.RehabPlanService;

/**
 * Listens to intake events ({@code intakeEvents-in-0}): an opened case tells the plan's clinic, home region and
 * pre-operative baseline; a pre-operative measurement updates the baseline; red flags after surgery alert; withdrawn
 * care-coordination consent or a closed case stops the follow-up.
 */
@Configuration(proxyBeanMethods = false)
class IntakeEventsListener {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(RehabPlanService plans) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) -> plans.recordOpening(event, CaseId.of(opened.caseId()),
                        opened.clinicId(), opened.homeRegion(), opened.preferredLanguage(), baseline(opened.symptoms())))
                .on(EventCatalog.SYMPTOMS_REPORTED, (event, reported) -> plans.recordSymptoms(event, CaseId.of(reported.caseId()),
                        reported.assessedOn(), baseline(reported.symptoms())))
                .on(EventCatalog.RED_FLAG_REPORTED, (event, reported) -> plans.recordRedFlags(event, CaseId.of(reported.caseId()),
                        reported.redFlags(), reported.reportedAt()))
                .on(EventCatalog.CONSENT_CHANGED, (event, changed) -> {
                    if (changed.stopsProcessing()) {
                        plans.stop(event, CaseId.of(changed.caseId()), RehabClosure.CONSENT_WITHDRAWN);
                    }
                })
                .on(EventCatalog.CASE_CLOSED, (event, closed) -> plans.stop(event, CaseId.of(closed.caseId()), closure(closed.reason())))
                .build();
    }

    private static Baseline baseline(Symptoms symptoms) {
        return new Baseline(symptoms.painNrs(), symptoms.odiPercent());
    }

    private static RehabClosure closure(ClosureReason reason) {
        return switch (reason) {
            case PATIENT_DECLINED -> RehabClosure.PATIENT_DECLINED;
            case CONSENT_WITHDRAWN -> RehabClosure.CONSENT_WITHDRAWN;
            case REFERRED_ELSEWHERE -> RehabClosure.REFERRED_ELSEWHERE;
            case DUPLICATE, DECEASED, OTHER -> RehabClosure.OTHER;
        };
    }
}
