package ca.passerelle.platform.messaging;

import java.time.Clock;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;

/** A minimal service that consumes intake events into its own aggregate and raises events, to exercise the platform for real. */
@SpringBootApplication
class ScreeningTestApplication {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(AggregateStore store, Clock clock) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) -> store.apply(Screening.class, opened.caseId(), event,
                        () -> new Screening(opened.caseId()), screening -> screening.screen(opened, clock.instant())))
                .build();
    }
}
