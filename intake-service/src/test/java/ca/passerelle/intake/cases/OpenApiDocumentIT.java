package ca.passerelle.intake.cases;

import org.springframework.boot.test.context.SpringBootTest;

import ca.passerelle.testinfra.OpenApiDocumentContract;
import ca.passerelle.testinfra.RealInfrastructure;

/**
 * This service's OpenAPI description passes the checks every service passes ({@link OpenApiDocumentContract}) and is
 * written to {@code target/openapi/intake-service.json} by the build. Same configuration as this service's
 * other integration tests, so the same running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OpenApiDocumentIT extends OpenApiDocumentContract {

    OpenApiDocumentIT() {
        super("intake-service", "POST /api/cases", "GET /api/cases/{caseId}", "GET /api/cases/{caseId}/identity");
    }
}
