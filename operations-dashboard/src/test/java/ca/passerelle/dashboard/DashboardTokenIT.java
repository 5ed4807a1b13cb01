package ca.passerelle.dashboard;

import java.net.URI;

import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

/** The token checks every service passes (missing, expired, forged, foreign… → 401), on the dashboard's API. */
@DashboardIntegrationTest
class DashboardTokenIT extends TokenRejectionContract {

    @LocalServerPort
    int port;

    @Override
    protected URI protectedRoute() {
        return URI.create("http://127.0.0.1:" + port + "/api/dead-letters");
    }

    @Override
    protected String validToken() {
        return TestTokens.coordinator();
    }
}
