package ca.passerelle.gateway.security;

import org.springframework.boot.test.context.SpringBootTest;

import ca.passerelle.testinfra.OpenApiDocumentContract;
import ca.passerelle.testinfra.RealInfrastructure;

/**
 * This service's OpenAPI description passes the checks every service passes ({@link OpenApiDocumentContract}) and is
 * written to {@code target/openapi/facility-gateway.json} by the build. Same configuration as this service's
 * other integration tests, so the same running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OpenApiDocumentIT extends OpenApiDocumentContract {

    OpenApiDocumentIT() {
        super("facility-gateway",
                "POST /api/holds", "POST /api/holds/{holdId}/confirmation", "DELETE /api/holds/{holdId}");
    }
}
