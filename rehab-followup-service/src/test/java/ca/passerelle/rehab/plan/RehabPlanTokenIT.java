package ca.passerelle.rehab.plan;

import java.net.URI;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

/** The platform's token checks, run against this service's one route: every forged or missing token is 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
class RehabPlanTokenIT extends TokenRejectionContract {

    @LocalServerPort
    int port;

    @Override
    protected URI protectedRoute() {
        return URI.create("http://127.0.0.1:" + port + "/api/rehab-plans/" + CaseEvents.newCaseId());
    }

    @Override
    protected String validToken() {
        return TestTokens.coordinator();
    }
}
