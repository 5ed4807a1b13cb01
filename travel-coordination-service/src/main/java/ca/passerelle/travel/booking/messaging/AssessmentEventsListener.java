package ca.passerelle.travel.booking.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;
import ca.passerelle.travel.booking.BookingService;

/** Binding {@code assessmentEvents-in-0} on the assessment topic: maps each event to one call of the booking service. */
@Configuration(proxyBeanMethods = false)
class AssessmentEventsListener {

    @Bean
    Consumer<Message<byte[]>> assessmentEvents(BookingService bookings) {
        return EventRouter.builder()
                .on(EventCatalog.SURGERY_RECOMMENDED, bookings::surgeryRecommended)
                .on(EventCatalog.URGENT_REFERRAL_REQUIRED, bookings::urgentReferralRequired)
                .on(EventCatalog.SURGERY_NOT_INDICATED, bookings::surgeryNotIndicated)
                .build();
    }
}
