package ca.passerelle.intake.cases;

import java.net.URI;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

/** The platform's token checks, for real, on intake's case read: every missing, forged or invalid token is 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IntakeTokenIT extends TokenRejectionContract {

    @LocalServerPort
    int port;

    /** An unknown case: a valid coordinator token gets past authentication and is answered 404. */
    @Override
    protected URI protectedRoute() {
        return URI.create("http://localhost:" + port + "/api/cases/c-00000000-0000-0000-0000-000000000000");
    }

    @Override
    protected String validToken() {
        return TestTokens.coordinator();
    }
}
