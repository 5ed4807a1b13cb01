package ca.passerelle.travel.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drives the saga on a fixed delay, away from the event listener, so a facility-gateway outage never blocks consumption. */
@Component
class BookingSagaScheduler {

    private static final Logger log = LoggerFactory.getLogger(BookingSagaScheduler.class);

    private final BookingSaga saga;

    BookingSagaScheduler(BookingSaga saga) {
        this.saga = saga;
    }

    @Scheduled(fixedDelayString = "${passerelle.travel.scheduling.tick:1s}", initialDelayString = "${passerelle.travel.scheduling.tick:1s}")
    void advanceDueBookings() {
        try {
            saga.advanceDueBookings();
        } catch (RuntimeException e) {
            log.warn("Booking saga pass failed, next pass in one tick: {}", e.getMessage());
        }
    }
}
