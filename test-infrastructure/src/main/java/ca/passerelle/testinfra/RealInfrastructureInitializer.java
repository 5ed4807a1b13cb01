package ca.passerelle.testinfra;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the broker and the database of {@link TestInfrastructure}, and the {@link TestIssuer} as token issuer, to a test's
 * environment, ahead of the service's own configuration.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Servers servers = TestInfrastructure.servers();
        String application = context.getEnvironment().getProperty("spring.application.name", "test");
        String database = application + "-" + CONTEXTS.incrementAndGet();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("passerelleTestInfrastructure", Map.of(
                "spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", servers.kafkaBootstrapServers(),
                "spring.mongodb.uri", servers.mongoUri(database),
                "passerelle.security.issuer", TestIssuer.get().issuer())));
    }
}
