package ca.passerelle.dashboard;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Test helper: one WireMock server standing in for the services the coordinator's actions call (travel, rehab,
 * assessment), started once per test JVM; the integration tests' application points
 * {@code passerelle.dashboard.services.*-base-url} at it (the same for every test class, so they share one context).
 */
public final class ServiceStandIns {

    /** The timeout the application uses for those calls in the tests (a slower stand-in is a timeout). */
    public static final int TIMEOUT_MILLIS = 1500;

    private static WireMockServer server;

    private ServiceStandIns() {
    }

    public static synchronized WireMockServer get() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + get().port();
    }

    /** Registered on {@link DashboardIntegrationTest}: adds the stand-ins' address to the application's environment. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            String url = baseUrl();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("passerelleServiceStandIns", Map.of(
                    "passerelle.dashboard.services.travel-base-url", url,
                    "passerelle.dashboard.services.rehab-base-url", url,
                    "passerelle.dashboard.services.assessment-base-url", url,
                    "passerelle.dashboard.services.timeout", TIMEOUT_MILLIS + "ms")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
