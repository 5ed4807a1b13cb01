package ca.passerelle.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The people and systems that act on a case in the local run, each with a token from the identity provider, reused for
 * a few minutes. Credentials are the identity provider's local demo defaults (see identity-provider/README.md).
 */
final class Actors {

    static final String DEMO_CLINIC = "clinic-qc-laval-01";
    static final String COORDINATOR = "coordonnatrice";
    static final String SPECIALIST = "specialiste";
    /** The monitoring system's client (role OPERATOR): it may read the actuator's Prometheus endpoint, nothing else. */
    static final String METRICS_SCRAPER = "metrics-scraper";
    private static final Duration REUSE = Duration.ofMinutes(4);

    private record Token(String value, long obtainedAt) {
    }

    private final IdentityProviderClient identityProvider;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Actors(IdentityProviderClient identityProvider) {
        this.identityProvider = identityProvider;
    }

    /** A referring clinic's integration (client credentials, the clinic id is the client id). */
    String clinic(String clinicId) {
        return cached("client:" + clinicId, () -> identityProvider.clientCredentials(clinicId, clientSecret(clinicId)));
    }

    /** A partner hospital's integration (client credentials, the hospital id is the client id). */
    String hospital(String hospitalId) {
        return cached("client:" + hospitalId, () -> identityProvider.clientCredentials(hospitalId, clientSecret(hospitalId)));
    }

    String coordinator() {
        return cached("user:" + COORDINATOR, () -> identityProvider.login(COORDINATOR, password(COORDINATOR)));
    }

    String specialist() {
        return cached("user:" + SPECIALIST, () -> identityProvider.login(SPECIALIST, password(SPECIALIST)));
    }

    /** The monitoring system (client credentials, role OPERATOR). */
    String operator() {
        return cached("client:" + METRICS_SCRAPER, () -> identityProvider.clientCredentials(METRICS_SCRAPER, clientSecret(METRICS_SCRAPER)));
    }

    static String clientSecret(String clientId) {
        return "demo-" + clientId;
    }

    static String password(String username) {
        return "demo-" + username;
    }

    private String cached(String key, Supplier<String> fetch) {
        Token token = tokens.get(key);
        if (token == null || System.nanoTime() - token.obtainedAt() > REUSE.toNanos()) {
            token = new Token(fetch.get(), System.nanoTime());
            tokens.put(key, token);
        }
        return token.value();
    }
}
