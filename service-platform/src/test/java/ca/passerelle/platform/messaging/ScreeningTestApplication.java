package ca.passerelle.platform.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/** A minimal service that consumes intake events into its own aggregate and raises events, to exercise the platform for real. */
@SpringBootApplication
class ScreeningTestApplication {

    private static final Logger log = LoggerFactory.getLogger(ScreeningTestApplication.class);

    @Bean
    Consumer<Message<byte[]>> intakeEvents(AggregateStore store, Clock clock) {
        return EventRouter.builder()
                .on(EventCatalog.CASE_OPENED, (event, opened) -> {
                    log.info("Screening an opened case");
                    store.apply(Screening.class, opened.caseId(), event, () -> new Screening(opened.caseId()),
                            screening -> screening.screen(opened, clock.instant()));
                })
                .build();
    }

    @Bean
    AccessPolicy screeningRoutes() {
        return () -> List.of(AccessRule.allow(HttpMethod.POST, "/api/screenings/*", Role.COORDINATOR));
    }

    /** An HTTP write that raises an event, like a clinic's POST at intake. */
    @RestController
    static class ScreeningController {

        private final AggregateStore store;
        private final Clock clock;

        ScreeningController(AggregateStore store, Clock clock) {
            this.store = store;
            this.clock = clock;
        }

        @PostMapping("/api/screenings/{caseId}")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> screen(@PathVariable String caseId) {
            log.info("Screening requested");
            Screening screening = new Screening(caseId);
            screening.rescreen(clock.instant());
            store.insert(screening);
            return Map.of("screened", true);
        }
    }
}
