package ca.passerelle.testinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OpenID issuer for integration tests, on loopback: discovery document, JWKS and a client-credentials token
 * endpoint, signing RS256 tokens with the project's claims. Services under test validate its tokens exactly as they
 * validate the identity provider's. It also forges the bad tokens the token tests must refuse.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "passerelle";
    private static TestIssuer instance;

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer":"%1$s","jwks_uri":"%1$s/oauth2/jwks","token_endpoint":"%1$s/oauth2/token",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"grant_types_supported":["client_credentials"]}
                """.formatted(issuer)));
        server.createContext("/oauth2/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/token", this::token);
        server.setExecutor(null);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-shutdown"));
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            try {
                instance = new TestIssuer();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException("could not start the test issuer", e);
            }
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid access token for {@code subject} with {@code roles} and extra claims (e.g. {@code clinic_id}). */
    public String token(String subject, List<String> roles, Map<String, Object> claims) {
        return sign(claims(subject, roles, claims).build());
    }

    JWTClaimsSet.Builder claims(String subject, List<String> roles, Map<String, Object> extra) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(List.of(AUDIENCE))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        extra.forEach(builder::claim);
        return builder;
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** The classic key-confusion forgery: HMAC-SHA256 keyed with the issuer's public key bytes. */
    String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another key pair with the same key id: a token signed by someone who is not the issuer. */
    String signedByStranger(JWTClaimsSet claims) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(stranger));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (authorization == null || !authorization.startsWith("Basic ") || !body.contains("grant_type=client_credentials")) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String clientId = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2)[0];
        String accessToken = token(clientId, List.of("SERVICE"), Map.of());
        json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
