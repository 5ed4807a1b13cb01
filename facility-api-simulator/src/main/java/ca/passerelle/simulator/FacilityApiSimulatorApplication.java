package ca.passerelle.simulator;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the stand-in for the external facility-availability API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FacilityApiSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FacilityApiSimulatorApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
