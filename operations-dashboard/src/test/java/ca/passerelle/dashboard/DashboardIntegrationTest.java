package ca.passerelle.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

import ca.passerelle.testinfra.RealInfrastructure;

/**
 * The one setup of the dashboard's integration tests (so every test class shares one running application): the real
 * Kafka broker and MongoDB server, a random port, new dead-letter topics noticed within a second, the SLA breaches checked every second, and WireMock standing in
 * for the services the coordinator's actions call ({@link ServiceStandIns}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.bindings.deadLetters-in-0.consumer.configuration.metadata.max.age.ms=1000",
        "passerelle.dashboard.sla.check-interval=1s"})
@RealInfrastructure
@ContextCustomizerFactories(ServiceStandIns.Factory.class)
public @interface DashboardIntegrationTest {
}
