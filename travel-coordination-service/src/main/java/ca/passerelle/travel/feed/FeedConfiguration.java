package ca.passerelle.travel.feed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.passerelle.travel.booking.TravelProperties;
import ca.uhn.fhir.context.FhirContext;

/** The FHIR context (costly to make: one per service) and the pseudonym key. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Bean
    Pseudonyms pseudonyms(TravelProperties travel) {
        return new Pseudonyms(travel.hospitalFeed().pseudonymKey());
    }

    @Bean
    FhirAppointments fhirAppointments(FhirContext fhir, Pseudonyms pseudonyms) {
        return new FhirAppointments(fhir, pseudonyms);
    }
}
