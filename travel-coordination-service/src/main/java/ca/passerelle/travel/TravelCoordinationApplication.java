package ca.passerelle.travel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Schedules surgery in partner hospitals in France for recommended cases, and reports the surgery's outcome. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TravelCoordinationApplication {

    public static void main(String[] args) {
        SpringApplication.run(TravelCoordinationApplication.class, args);
    }
}
