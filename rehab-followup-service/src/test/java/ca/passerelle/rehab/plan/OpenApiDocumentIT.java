package ca.passerelle.rehab.plan;

import org.springframework.boot.test.context.SpringBootTest;

import ca.passerelle.testinfra.OpenApiDocumentContract;
import ca.passerelle.testinfra.RealInfrastructure;

/**
 * This service's OpenAPI description passes the checks every service passes ({@link OpenApiDocumentContract}) and is
 * written to {@code target/openapi/rehab-followup-service.json} by the build. Same configuration as this service's
 * other integration tests, so the same running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
class OpenApiDocumentIT extends OpenApiDocumentContract {

    OpenApiDocumentIT() {
        super("rehab-followup-service",
                "GET /api/alerts", "POST /api/alerts/{alertId}/acknowledge", "POST /api/cases/{caseId}/follow-ups");
    }
}
