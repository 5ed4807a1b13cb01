package ca.passerelle.travel.booking.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;
import ca.passerelle.travel.booking.BookingService;

/**
 * Binding {@code intakeEvents-in-0} on the intake topic: consent that stops cross-border communication and a closed case
 * cancel the case's scheduling. Every other intake event (CaseOpened v2 included) is ignored: this service reads no
 * clinical data.
 */
@Configuration(proxyBeanMethods = false)
class IntakeEventsListener {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(BookingService bookings) {
        return EventRouter.builder()
                .on(EventCatalog.CONSENT_CHANGED, bookings::consentChanged)
                .on(EventCatalog.CASE_CLOSED, bookings::caseClosed)
                .build();
    }
}
