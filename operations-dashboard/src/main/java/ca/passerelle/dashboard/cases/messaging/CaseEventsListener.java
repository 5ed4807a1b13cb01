package ca.passerelle.dashboard.cases.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventType;
import ca.passerelle.events.Topics;
import ca.passerelle.platform.messaging.EventRouter;

/**
 * Bindings {@code intakeEvents}, {@code assessmentEvents}, {@code travelEvents} and {@code rehabEvents}, one per case
 * topic so each has its own consumer, retries and dead letters. Each accepts every case event type of the catalogue, so
 * an event type that moves to another topic in a later version still lands in the summaries.
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

    /** The router of every case event type (all but the facility status), each recorded into the summaries. */
    static EventRouter caseEvents(CaseSummaryService cases) {
        EventRouter.Builder router = EventRouter.builder();
        EventCatalog.all().stream().filter(type -> !type.topic().equals(Topics.FACILITY_STATUS))
                .forEach(type -> on(router, type, cases));
        return router.build();
    }

    private static <T> void on(EventRouter.Builder router, EventType<T> type, CaseSummaryService cases) {
        router.on(type, cases::record);
    }
}
