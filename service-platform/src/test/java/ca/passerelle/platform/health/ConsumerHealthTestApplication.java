package ca.passerelle.platform.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;

/** A service with one consumer binding whose handler records the cases it was given (the fault switch makes it throw). */
@SpringBootApplication
class ConsumerHealthTestApplication {

    static final List<String> HANDLED = new CopyOnWriteArrayList<>();

    @Bean
    Consumer<Message<byte[]>> watchedEvents() {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) -> HANDLED.add(opened.caseId()))
                .on(EventCatalog.CASE_CLOSED, (event, closed) -> HANDLED.add(closed.caseId()))
                .build();
    }
}
