package ca.passerelle.assessment;

import org.springframework.boot.test.context.SpringBootTest;

import ca.passerelle.testinfra.OpenApiDocumentContract;
import ca.passerelle.testinfra.RealInfrastructure;

/**
 * This service's OpenAPI description passes the checks every service passes ({@link OpenApiDocumentContract}) and is
 * written to {@code target/openapi/assessment-service.json} by the build. Same configuration as this service's
 * other integration tests, so the same running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
class OpenApiDocumentIT extends OpenApiDocumentContract {

    OpenApiDocumentIT() {
        super("assessment-service",
                "GET /api/assessments/{caseId}", "GET /api/assessments/{caseId}/gating", "GET /api/assessments/{caseId}/decision-support",
                "POST /api/assessments/{caseId}/evaluation");
    }
}
