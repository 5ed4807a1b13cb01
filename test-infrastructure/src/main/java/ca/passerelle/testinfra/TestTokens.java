package ca.passerelle.testinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

/** Bearer tokens for tests, valid ones per role and tenant, and the forgeries every service must refuse. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String coordinator() {
        return TestIssuer.get().token("coordonnatrice", List.of("COORDINATOR"), Map.of());
    }

    public static String specialist() {
        return TestIssuer.get().token("specialiste", List.of("SPECIALIST"), Map.of());
    }

    public static String clinic(String clinicId) {
        return TestIssuer.get().token(clinicId, List.of("CLINIC"), Map.of("clinic_id", clinicId));
    }

    public static String hospital(String hospitalId) {
        return TestIssuer.get().token(hospitalId, List.of("HOSPITAL"), Map.of("hospital_id", hospitalId));
    }

    public static String service(String clientId) {
        return TestIssuer.get().token(clientId, List.of("SERVICE"), Map.of());
    }

    /** The header value, {@code Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Tokens that must each be answered 401, by name. */
    public static Map<String, String> forgeries() {
        TestIssuer issuer = TestIssuer.get();
        JWTClaimsSet valid = issuer.claims("coordonnatrice", List.of("COORDINATOR"), Map.of()).build();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return Map.of(
                "expired beyond the clock skew", issuer.sign(new JWTClaimsSet.Builder(valid)
                        .issueTime(Date.from(past.minusSeconds(600))).notBeforeTime(Date.from(past.minusSeconds(600)))
                        .expirationTime(Date.from(past)).build()),
                "not yet valid beyond the clock skew", issuer.sign(new JWTClaimsSet.Builder(valid)
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(30))))
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(40)))).build()),
                "wrong issuer", issuer.sign(new JWTClaimsSet.Builder(valid).issuer("http://127.0.0.1:1/not-the-issuer").build()),
                "wrong audience", issuer.sign(new JWTClaimsSet.Builder(valid).audience("another-api").build()),
                "without expiry", issuer.sign(new JWTClaimsSet.Builder(valid).expirationTime(null).build()),
                "alg none", issuer.unsigned(valid),
                "HS256 signed with the public key", issuer.hmacWithPublicKey(valid),
                "signed by another key", issuer.signedByStranger(valid),
                "not a JWT", "not-a-token");
    }
}
