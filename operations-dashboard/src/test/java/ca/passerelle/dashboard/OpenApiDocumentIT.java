package ca.passerelle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ca.passerelle.testinfra.OpenApiDocumentContract;

/**
 * The dashboard's OpenAPI description passes the checks every service passes ({@link OpenApiDocumentContract}) and is
 * written to {@code target/openapi/operations-dashboard.json} by the build. It is served on the platform's bearer-token
 * chain (any role), like the scrape path, and describes the API under {@code /api/}; the coordinators' pages (browser
 * session, HTML forms) are not an HTTP API and are left out of it.
 */
@DashboardIntegrationTest
class OpenApiDocumentIT extends OpenApiDocumentContract {

    OpenApiDocumentIT() {
        super("operations-dashboard",
                "GET /api/cases", "GET /api/cases/{caseId}", "GET /api/cases/{caseId}/timeline", "GET /api/dead-letters");
    }

    @Override
    protected boolean isApiRoute(String route) {
        return route.substring(route.indexOf(' ') + 1).startsWith("/api/");
    }

    @Test
    void describesTheApiAndNoPage() throws Exception {
        assertThat(document().path("paths").propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/api/"));
    }
}
