package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login page: Passerelle's own, French first, English on request, the CSRF token kept, nothing loaded from elsewhere. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = IdentityProviderTesting.ISSUER_PROPERTY)
class LoginPageIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"[^\"]{8,}\"[^>]*>");

  @LocalServerPort
  int port;

  IdentityProviderTesting idp;

  @BeforeEach
  void connect() {
    idp = new IdentityProviderTesting(port);
  }

  @Test
  void speaksFrenchWithoutAcceptLanguage() throws Exception {
    HttpResponse<String> response = page("/login", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(text(response)).contains("<html lang=\"fr\"").contains("<title>Passerelle")
        .contains("Nom d'utilisateur").contains("Mot de passe").contains("Se connecter")
        .doesNotContain("Username").doesNotContain("Please sign in");
  }

  @Test
  void speaksFrenchToABrowserPreferringAnUnsupportedLanguage() throws Exception {
    assertThat(text(page("/login", "de-DE,de;q=0.9"))).contains("<html lang=\"fr\"").contains("Se connecter");
  }

  @Test
  void speaksEnglishWhenTheBrowserAsksForIt() throws Exception {
    assertThat(text(page("/login", "en"))).contains("<html lang=\"en\"").contains("<title>Passerelle")
        .contains("Username").contains("Password").contains("Sign in").doesNotContain("Se connecter");
    assertThat(text(page("/login", "en-CA,en;q=0.9,fr;q=0.5"))).contains("Sign in");
    assertThat(text(page("/login", "fr-CA,fr;q=0.9,en;q=0.5"))).contains("Se connecter");
  }

  @Test
  void speaksEnglishWhenAskedWithTheLangParameter() throws Exception {
    assertThat(text(page("/login?lang=en", null))).contains("<html lang=\"en\"").contains("Sign in");
    assertThat(text(page("/login?lang=fr", "en"))).contains("<html lang=\"fr\"").contains("Se connecter");
  }

  @Test
  void tellsAboutAWrongPasswordAndASignOut() throws Exception {
    assertThat(text(page("/login?error", null))).contains("Identifiant ou mot de passe invalide.");
    assertThat(text(page("/login?error", "en"))).contains("Invalid username or password.");
    assertThat(text(page("/login?logout", null))).contains("Vous êtes maintenant déconnecté.");
    assertThat(text(page("/login", null))).doesNotContain("Identifiant ou mot de passe invalide.");
  }

  @Test
  void postsUsernamePasswordAndTheCsrfTokenToTheLoginEndpoint() throws Exception {
    String html = text(page("/login", null));

    assertThat(html).contains("<form method=\"post\" action=\"/login\">")
        .contains("name=\"username\"").contains("name=\"password\"").containsPattern(CSRF_INPUT);
    assertThat(CSRF_INPUT.matcher(html).results().count()).as("one CSRF field").isEqualTo(1);
  }

  @Test
  void loadsNothingFromElsewhere() throws Exception {
    HttpResponse<String> response = page("/login", null);

    assertThat(text(response)).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("default-src 'none'"));
  }

  private HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(idp.base().resolve(path)).header("Accept", "text/html").GET();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The page with Thymeleaf's escape of the apostrophe undone. */
  private static String text(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body().replace("&#39;", "'").replace("&#x27;", "'");
  }
}
