package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.passerelle.identity.AuthorizationCodeLogin.AuthorizationCode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = IdentityProviderTesting.ISSUER_PROPERTY)
class AuthorizationCodeFlowIT {

  @LocalServerPort
  int port;

  IdentityProviderTesting idp;
  AuthorizationCodeLogin cli;

  @BeforeEach
  void connect() {
    idp = new IdentityProviderTesting(port);
    cli = AuthorizationCodeLogin.passerelleCli(idp.base());
  }

  @Test
  void signsAClinicUserInThroughTheLoginFormWithPkce() throws Exception {
    AuthorizationCodeLogin.Tokens tokens = cli.signIn("clinique-laval", "demo-clinique-laval");

    JWTClaimsSet access = idp.verified(tokens.accessToken());
    assertThat(access.getIssuer()).isEqualTo(IdentityProviderTesting.ISSUER);
    assertThat(access.getSubject()).isEqualTo("clinique-laval");
    assertThat(access.getAudience()).containsExactly("passerelle");
    assertThat(access.getStringListClaim("roles")).containsExactly("CLINIC");
    assertThat(access.getStringClaim("clinic_id")).isEqualTo("clinic-qc-laval-01");
    assertThat(access.getClaims()).doesNotContainKey("hospital_id");
    assertThat(tokens.tokenType()).isEqualTo("Bearer");
  }

  @Test
  void keepsTheClientAsAudienceOfTheIdToken() throws Exception {
    AuthorizationCodeLogin.Tokens tokens = cli.signIn("clinique-montreal", "demo-clinique-montreal");

    JWTClaimsSet id = idp.verified(tokens.idToken());
    assertThat(id.getAudience()).containsExactly("passerelle-cli");
    assertThat(id.getStringListClaim("roles")).containsExactly("CLINIC");
    assertThat(id.getStringClaim("clinic_id")).isEqualTo("clinic-qc-montreal-01");
  }

  @Test
  void signsACoordinatorInWithoutTenantThroughTheDashboardClient() throws Exception {
    AuthorizationCodeLogin dashboard = new AuthorizationCodeLogin(idp.base(), "operations-dashboard-web",
        URI.create("http://localhost:8080/login/oauth2/code/passerelle"), "openid profile");

    JWTClaimsSet access = idp.verified(dashboard.signIn("coordonnatrice", "demo-coordonnatrice").accessToken());

    assertThat(access.getSubject()).isEqualTo("coordonnatrice");
    assertThat(access.getStringListClaim("roles")).containsExactly("COORDINATOR");
    assertThat(access.getClaims()).doesNotContainKeys("clinic_id", "hospital_id");
  }

  @Test
  void refusesAWrongPassword() {
    assertThatThrownBy(() -> cli.signIn("clinique-laval", "demo-clinique-montreal"))
        .isInstanceOf(AuthorizationCodeLogin.LoginRefusedException.class)
        .hasMessageContaining("/login?error");
  }

  @Test
  void refusesTheCodeWithoutTheMatchingVerifier() throws Exception {
    AuthorizationCode code = cli.authorize("specialiste", "demo-specialiste");

    HttpResponse<String> response = cli.exchange(
        new AuthorizationCode(code.code(), AuthorizationCodeLogin.randomToken()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(IdentityProviderTesting.json(response).path("error").asString()).isEqualTo("invalid_grant");
    assertThat(response.body()).doesNotContain("access_token");
  }
}
