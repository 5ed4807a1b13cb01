package ca.passerelle.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the project's identity provider the way real callers do: client credentials for clinic,
 * hospital and service integrations; the authorization-code flow with PKCE through the login form for people.
 */
final class IdentityProviderClient {

    static final String CLI_CLIENT = "passerelle-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;

    IdentityProviderClient(String issuer) {
        this.issuer = issuer;
    }

    /** A token for a confidential client (clinic integration, partner hospital, service). */
    String clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return accessToken(send(HttpClient.newHttpClient(), request), "client " + clientId);
    }

    /** A token for a person, obtained through the real login form with the authorization-code flow and PKCE. */
    String login(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLI_CLIENT,
                "redirect_uri", CLI_REDIRECT, "scope", "openid", "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> response = send(browser, get(authorize));
        String location = redirectOf(response);
        HttpResponse<String> loginPage = send(browser, get(location));
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        credentials.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        response = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(credentials))).build());
        String next = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("login of " + username + " refused"));
        while (!next.startsWith(CLI_REDIRECT)) {
            if (next.contains("/login?error")) {
                throw new IllegalStateException("login of " + username + " refused");
            }
            HttpResponse<String> hop = send(browser, get(absolute(next)));
            next = hop.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("the authorization flow stopped at " + hop.statusCode()));
        }
        Map<String, String> answer = query(URI.create(next).getRawQuery());
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("unexpected authorization answer for " + username);
        }
        HttpRequest token = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                        "redirect_uri", CLI_REDIRECT, "client_id", CLI_CLIENT, "code_verifier", verifier)))).build();
        return accessToken(send(browser, token), "user " + username);
    }

    private String redirectOf(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("authorize answered " + response.statusCode() + " without redirect"));
        return absolute(location);
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : issuer + location;
    }

    private static String accessToken(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + who + ": " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("access_token").asString();
    }

    /** As a browser asks: the identity provider redirects browsers to its login page and answers others 401. */
    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Accept", "text/html").GET().build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
