package ca.passerelle.travel.security;

import java.net.URI;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

/** The shared token checks (missing, expired, wrong issuer or audience, unsigned, key-confused, foreign key → 401) on this service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TravelCoordinationTokenIT extends TokenRejectionContract {

    @LocalServerPort
    int port;

    @Override
    protected URI protectedRoute() {
        return URI.create("http://127.0.0.1:" + port + "/api/hospital/appointments");
    }

    @Override
    protected String validToken() {
        return TestTokens.coordinator();
    }
}
