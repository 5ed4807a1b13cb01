package ca.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import ca.passerelle.testinfra.RealInfrastructure;

/**
 * The route inventory looks past the controllers: a service that exposes one more actuator endpoint or turns static
 * resources back on gets routes no rule names, and the inventory lists them.
 */
@SpringBootTest(classes = GuardedTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=guarded-test",
                "management.endpoints.web.exposure.include=health,info,metrics,prometheus,env,loggers",
                "spring.web.resources.add-mappings=true"})
@RealInfrastructure
class RouteInventoryIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    List<AccessPolicy> policies;

    @Test
    void namesExposedActuatorEndpointsAndStaticResourceRoutesThatNoRuleCovers() {
        List<String> missing = RouteInventory.routesWithoutRule(context, policies);

        assertThat(missing).contains("GET /api/forgotten", "GET /actuator/env", "GET /actuator/loggers", "POST /actuator/loggers/{name}",
                "GET /**", "GET /webjars/**");
        assertThat(missing).as("decided routes are not listed").doesNotContain("GET /api/whoami", "GET /actuator/prometheus",
                "GET /actuator/health", "GET /actuator/metrics", "GET /v3/api-docs");
    }

    @Test
    void countsPatternsTheServicesOwnChainDecidesAsCovered() {
        assertThat(RouteInventory.routesWithoutRule(context, policies, "/**", "/api/forgotten", "/actuator/env", "/actuator/env/**",
                "/actuator/loggers", "/actuator/loggers/**")).isEmpty();
    }
}
