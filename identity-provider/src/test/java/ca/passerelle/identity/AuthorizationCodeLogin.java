package ca.passerelle.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a user in through the identity provider's real login form with authorization code + PKCE (S256), the way a
 * browser and a public client do, and returns the tokens. Other modules copy it to get user tokens in their tests.
 *
 * <ol>
 *   <li>{@code GET /oauth2/authorize} with a code challenge and a state → {@code 302} to {@code /login} and a session
 *       cookie;</li>
 *   <li>{@code GET /login} → the form, from which the hidden {@code _csrf} token is read;</li>
 *   <li>{@code POST /login} (username, password, {@code _csrf}, session cookie) → {@code 302} back to the saved
 *       authorization request with a new session cookie, or to {@code /login?error} when the password is wrong;</li>
 *   <li>{@code GET} the saved authorization request → {@code 302} to the redirect URI with {@code code} and
 *       {@code state};</li>
 *   <li>{@code POST /oauth2/token} with the code and the {@code code_verifier} → the token response.</li>
 * </ol>
 *
 * Redirects are followed and cookies kept by hand, so that every step is checked and nothing leaks between sign-ins.
 * The redirect URI is never called: the code is read from the {@code Location} header.
 */
public final class AuthorizationCodeLogin {

  private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI identityProvider;
  private final String clientId;
  private final URI redirectUri;
  private final String scope;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /**
   * @param identityProvider where the identity provider listens, e.g. {@code http://127.0.0.1:9000}
   * @param clientId a public client registered for authorization code + PKCE
   * @param redirectUri one of that client's redirect URIs
   * @param scope the requested scopes, e.g. {@code openid}
   */
  public AuthorizationCodeLogin(URI identityProvider, String clientId, URI redirectUri, String scope) {
    this.identityProvider = identityProvider;
    this.clientId = clientId;
    this.redirectUri = redirectUri;
    this.scope = scope;
  }

  /** The {@code passerelle-cli} public client, meant for scripts and tests. */
  public static AuthorizationCodeLogin passerelleCli(URI identityProvider) {
    return new AuthorizationCodeLogin(identityProvider, "passerelle-cli", URI.create("http://127.0.0.1/callback"),
        "openid");
  }

  /** Signs in and exchanges the code; fails unless the token endpoint answers {@code 200}. */
  public Tokens signIn(String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(authorize(username, password));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode json = JsonMapper.shared().readTree(response.body());
    return new Tokens(json.path("access_token").asString(), json.hasNonNull("id_token") ? json.get("id_token").asString() : null,
        json.path("token_type").asString(), json.path("expires_in").asLong());
  }

  /** Steps 1 to 4: signs in through the form and returns the authorization code with the PKCE verifier it needs. */
  public AuthorizationCode authorize(String username, String password) throws IOException, InterruptedException {
    Map<String, String> cookies = new LinkedHashMap<>();
    String verifier = randomToken();
    String state = randomToken();
    URI authorize = identityProvider.resolve("/oauth2/authorize?" + form(Map.of(
        "response_type", "code",
        "client_id", clientId,
        "redirect_uri", redirectUri.toString(),
        "scope", scope,
        "state", state,
        "code_challenge", challenge(verifier),
        "code_challenge_method", "S256")));

    URI loginPage = redirect(send(get(authorize), cookies), authorize);
    HttpResponse<String> page = send(get(loginPage), cookies);
    expectStatus(page, 200, loginPage);
    String csrf = csrfToken(page.body());

    URI login = identityProvider.resolve("/login");
    HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(login)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
            "username", username, "password", password, "_csrf", csrf)))), cookies);
    URI afterLogin = redirect(loggedIn, login);
    if ("/login".equals(afterLogin.getPath())) {
      throw new LoginRefusedException(username, afterLogin);
    }

    URI callback = redirect(send(get(afterLogin), cookies), afterLogin);
    Map<String, String> parameters = query(callback);
    if (parameters.containsKey("error")) {
      throw new IllegalStateException("The authorization endpoint refused: " + parameters);
    }
    if (!state.equals(parameters.get("state"))) {
      throw new IllegalStateException("The state came back altered: " + callback);
    }
    if (!callback.toString().startsWith(redirectUri.toString()) || parameters.get("code") == null) {
      throw new IllegalStateException("Expected a code at " + redirectUri + " but was sent to " + callback);
    }
    return new AuthorizationCode(parameters.get("code"), verifier);
  }

  /** Step 5: the raw token endpoint answer, so that a test can check a refusal too. */
  public HttpResponse<String> exchange(AuthorizationCode code) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(identityProvider.resolve("/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
            "grant_type", "authorization_code",
            "code", code.code(),
            "redirect_uri", redirectUri.toString(),
            "client_id", clientId,
            "code_verifier", code.verifier()))))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A fresh PKCE code verifier (43 characters of base64url), e.g. to prove a wrong one is refused. */
  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).header("Accept", "text/html").GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    }
    return response;
  }

  private static URI redirect(HttpResponse<String> response, URI from) {
    expectStatus(response, 302, from);
    return from.resolve(response.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("A 302 from " + from + " without Location")));
  }

  private static void expectStatus(HttpResponse<String> response, int status, URI uri) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("Expected " + status + " from " + uri + " but got " + response.statusCode());
    }
  }

  private static String csrfToken(String loginPage) {
    Matcher input = CSRF_INPUT.matcher(loginPage);
    if (!input.find()) {
      throw new IllegalStateException("The login page has no _csrf input");
    }
    Matcher value = VALUE.matcher(input.group());
    if (!value.find()) {
      throw new IllegalStateException("The _csrf input has no value");
    }
    return value.group(1);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return parameters;
    }
    for (String pair : List.of(uri.getRawQuery().split("&"))) {
      String[] parts = pair.split("=", 2);
      parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return parameters;
  }

  /** An authorization code and the PKCE verifier whose challenge was sent with the authorization request. */
  public record AuthorizationCode(String code, String verifier) {
  }

  /** The token endpoint's answer; {@code idToken} is null unless {@code openid} was requested. */
  public record Tokens(String accessToken, String idToken, String tokenType, long expiresIn) {
  }

  /** The login form sent the user back to {@code /login?error}: wrong username or password. */
  public static final class LoginRefusedException extends IllegalStateException {
    LoginRefusedException(String username, URI location) {
      super("The login of " + username + " was refused (sent to " + location + ")");
    }
  }
}
