package ca.passerelle.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the operations dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OperationsDashboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(OperationsDashboardApplication.class, args);
    }
}
