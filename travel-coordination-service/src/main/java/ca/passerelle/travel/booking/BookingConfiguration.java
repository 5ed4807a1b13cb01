package ca.passerelle.travel.booking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The booking feature's own beans that are not components. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AppointmentIds appointmentIds() {
        return AppointmentIds.random();
    }
}
