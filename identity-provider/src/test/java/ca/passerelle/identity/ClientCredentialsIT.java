package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = IdentityProviderTesting.ISSUER_PROPERTY)
class ClientCredentialsIT {

  @LocalServerPort
  int port;

  IdentityProviderTesting idp;

  @BeforeEach
  void connect() {
    idp = new IdentityProviderTesting(port);
  }

  @Test
  void issuesAPartnerHospitalTokenBoundToItsHospital() throws Exception {
    JWTClaimsSet claims = idp.verifiedAccessToken(idp.clientCredentials("fr-lyon-chu-01", "demo-fr-lyon-chu-01"));

    assertThat(claims.getIssuer()).isEqualTo(IdentityProviderTesting.ISSUER);
    assertThat(claims.getAudience()).containsExactly("passerelle");
    assertThat(claims.getSubject()).isEqualTo("fr-lyon-chu-01");
    assertThat(claims.getStringListClaim("roles")).containsExactly("HOSPITAL");
    assertThat(claims.getStringClaim("hospital_id")).isEqualTo("fr-lyon-chu-01");
    assertThat(claims.getClaims()).doesNotContainKey("clinic_id");
  }

  @Test
  void issuesShortLivedAccessTokens() throws Exception {
    JWTClaimsSet claims = idp.verifiedAccessToken(
        idp.clientCredentials("fr-toulouse-clinique-01", "demo-fr-toulouse-clinique-01"));

    Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    assertThat(lifetime).isEqualTo(Duration.ofMinutes(10));
    assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
  }

  @Test
  void issuesAClinicIntegrationTokenBoundToItsClinic() throws Exception {
    JWTClaimsSet claims = idp.verifiedAccessToken(
        idp.clientCredentialsInForm("clinic-qc-montreal-01", "demo-clinic-qc-montreal-01"));

    assertThat(claims.getAudience()).containsExactly("passerelle");
    assertThat(claims.getStringListClaim("roles")).containsExactly("CLINIC");
    assertThat(claims.getStringClaim("clinic_id")).isEqualTo("clinic-qc-montreal-01");
    assertThat(claims.getClaims()).doesNotContainKey("hospital_id");
  }

  @Test
  void issuesAServiceTokenWithoutTenant() throws Exception {
    JWTClaimsSet claims = idp.verifiedAccessToken(
        idp.clientCredentials("travel-coordination-service", "demo-travel-coordination-service"));

    assertThat(claims.getSubject()).isEqualTo("travel-coordination-service");
    assertThat(claims.getAudience()).containsExactly("passerelle");
    assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
    assertThat(claims.getClaims()).doesNotContainKeys("clinic_id", "hospital_id");
  }

  @Test
  void issuesTheMetricsScraperAnOperatorTokenWithoutTenant() throws Exception {
    JWTClaimsSet claims = idp.verifiedAccessToken(idp.clientCredentials("metrics-scraper", "demo-metrics-scraper"));

    assertThat(claims.getSubject()).isEqualTo("metrics-scraper");
    assertThat(claims.getAudience()).containsExactly("passerelle");
    assertThat(claims.getStringListClaim("roles")).containsExactly("OPERATOR");
    assertThat(claims.getClaims()).doesNotContainKeys("clinic_id", "hospital_id");
  }

  @Test
  void refusesAWrongSecret() throws Exception {
    HttpResponse<String> response = idp.clientCredentials("fr-lyon-chu-01", "demo-fr-paris-clinique-01");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(IdentityProviderTesting.json(response).path("error").asString()).isEqualTo("invalid_client");
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void refusesAnUnknownClient() throws Exception {
    HttpResponse<String> response = idp.clientCredentials("fr-nice-chu-99", "demo-fr-nice-chu-99");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(IdentityProviderTesting.json(response).path("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void refusesClientCredentialsToAPublicClient() throws Exception {
    HttpResponse<String> response = idp.clientCredentialsInForm("passerelle-cli", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("access_token");
  }
}
