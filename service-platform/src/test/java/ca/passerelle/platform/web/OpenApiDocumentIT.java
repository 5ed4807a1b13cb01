package ca.passerelle.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ca.passerelle.platform.security.GuardedTestApplication;
import ca.passerelle.testinfra.OpenApiDocumentContract;
import ca.passerelle.testinfra.OpenApiInventory;
import ca.passerelle.testinfra.RealInfrastructure;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform gives every service its OpenAPI description ({@link OpenApiDocumentContract}, on a small guarded
 * application), under the scheme name {@link OpenApiConfiguration} declares, and {@link OpenApiInventory} names any
 * controller route the description leaves out.
 */
@SpringBootTest(classes = GuardedTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=guarded-test")
@RealInfrastructure
class OpenApiDocumentIT extends OpenApiDocumentContract {

    OpenApiDocumentIT() {
        super("guarded-test", "GET /api/whoami", "GET /api/records/{recordId}", "POST /api/notes");
    }

    @Test
    void declaresTheSchemeUnderThePlatformsNameAndLeavesOutTheFrameworksRoutes() throws Exception {
        assertThat(document().path("components").path("securitySchemes").has(OpenApiConfiguration.BEARER_SCHEME)).isTrue();
        assertThat(OpenApiInventory.applicationRoutes(routes())).noneMatch(route -> route.contains("api-docs") || route.contains("/error"));
    }

    @Test
    void namesARouteTheDescriptionLeavesOut() throws Exception {
        ObjectNode document = (ObjectNode) document();
        ((ObjectNode) document.path("paths")).remove("/api/whoami");

        assertThat(OpenApiInventory.routesMissingFrom(document, routes())).containsExactly("GET /api/whoami");
    }
}
