package ca.passerelle.dashboard;

import java.io.IOException;
import java.util.List;

/**
 * Test helper: the project's identity provider (module {@code identity-provider}, Spring Authorization Server with its
 * French login page and demo users) started from its jar as its own process on a free loopback port
 * ({@link ApplicationProcess}). The reactor builds the provider before the dashboard; alone, build it first
 * ({@code ./mvnw -pl identity-provider package}).
 */
final class IdentityProviderProcess implements AutoCloseable {

    private final ApplicationProcess process;

    private IdentityProviderProcess(ApplicationProcess process) {
        this.process = process;
    }

    /**
     * Starts the provider, answering at its own address and naming {@code issuer} in its tokens, and waits until it is up.
     */
    static IdentityProviderProcess start(String issuer) throws IOException, InterruptedException {
        return new IdentityProviderProcess(ApplicationProcess.launch("identity-provider",
                List.of("--passerelle.identity.issuer=" + issuer)).awaitUp());
    }

    /** Where the provider answers (its endpoints are Spring Authorization Server's paths under it). */
    String url() {
        return process.url();
    }

    @Override
    public void close() {
        process.close();
    }
}
