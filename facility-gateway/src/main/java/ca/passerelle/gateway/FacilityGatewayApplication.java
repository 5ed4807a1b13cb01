package ca.passerelle.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The only door to the external facility-availability API. */
@SpringBootApplication
public class FacilityGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(FacilityGatewayApplication.class, args);
    }
}
