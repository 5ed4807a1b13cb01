package ca.passerelle.gateway.security;

import java.net.URI;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

/** The shared token checks (missing, expired, wrong issuer or audience, unsigned, key-confused, foreign key → 401) on the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class FacilityGatewayTokenIT extends TokenRejectionContract {

    @LocalServerPort
    int port;

    @Override
    protected URI protectedRoute() {
        return URI.create("http://127.0.0.1:" + port + "/api/status");
    }

    @Override
    protected String validToken() {
        return TestTokens.service("travel-coordination-service");
    }
}
