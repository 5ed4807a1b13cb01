package ca.passerelle.dashboard.cases.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;

/**
 * Bindings {@code intakeEvents}, {@code assessmentEvents}, {@code travelEvents} and {@code rehabEvents}, one per case
 * topic so each has its own consumer, retries and dead letters. Each accepts every case event type, so an event type
 * that moves to another topic in a later version still lands in the summaries.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsListener {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(CaseSummaryService cases) {
        return caseEvents(cases);
    }

    @Bean
    Consumer<Message<byte[]>> assessmentEvents(CaseSummaryService cases) {
        return caseEvents(cases);
    }

    @Bean
    Consumer<Message<byte[]>> travelEvents(CaseSummaryService cases) {
        return caseEvents(cases);
    }

    @Bean
    Consumer<Message<byte[]>> rehabEvents(CaseSummaryService cases) {
        return caseEvents(cases);
    }

    private static EventRouter caseEvents(CaseSummaryService cases) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, cases::record)
                .on(EventCatalog.URGENT_REFERRAL_REQUIRED, cases::record)
                .on(EventCatalog.CONSERVATIVE_CARE_VERIFIED, cases::record)
                .on(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT, cases::record)
                .on(EventCatalog.SURGERY_RECOMMENDED, cases::record)
                .on(EventCatalog.SURGERY_NOT_INDICATED, cases::record)
                .on(EventCatalog.SURGERY_SCHEDULED, cases::record)
                .on(EventCatalog.SURGERY_COMPLETED, cases::record)
                .on(EventCatalog.REHAB_PLAN_CREATED, cases::record)
                .build();
    }
}
