package ca.passerelle.rehab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs rehab-followup-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RehabFollowupApplication {

    public static void main(String[] args) {
        SpringApplication.run(RehabFollowupApplication.class, args);
    }
}
