package ca.passerelle.dashboard.facility.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ca.passerelle.dashboard.facility.FacilityStatusService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.platform.messaging.EventRouter;

/** Binding {@code facilityStatus}: breaker state changes reported by facility-gateway. */
@Configuration(proxyBeanMethods = false)
class FacilityStatusListener {

    @Bean
    Consumer<Message<byte[]>> facilityStatus(FacilityStatusService statuses) {
        return EventRouter.builder()
                .on(EventCatalog.FACILITY_API_STATUS_CHANGED, statuses::record)
                .build();
    }
}
