package ca.passerelle.assessment;

import java.net.URI;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

/**
 * The platform's token checks, run against this service's read route: missing, expired, wrong issuer or audience,
 * unsigned, key-confused and foreign-signed tokens are 401. Same configuration as {@link ServiceIntegrationTest}, so the
 * same application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
class AssessmentTokenIT extends TokenRejectionContract {

    @LocalServerPort
    int port;

    @Override
    protected URI protectedRoute() {
        return URI.create("http://127.0.0.1:" + port + "/api/assessments/c-token-check");
    }

    @Override
    protected String validToken() {
        return TestTokens.coordinator();
    }
}
