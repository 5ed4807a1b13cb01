package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class IdentityPropertiesTest {

  private static final List<String> VALID = List.of(
      "passerelle.identity.users[0].id=clinique-laval",
      "passerelle.identity.users[0].password=demo-clinique-laval",
      "passerelle.identity.users[0].roles=CLINIC",
      "passerelle.identity.users[0].clinic-id=clinic-qc-laval-01",
      "passerelle.identity.clients[0].id=fr-lyon-chu-01",
      "passerelle.identity.clients[0].secret=demo-fr-lyon-chu-01",
      "passerelle.identity.clients[0].roles=HOSPITAL",
      "passerelle.identity.clients[0].hospital-id=fr-lyon-chu-01",
      "passerelle.identity.clients[1].id=passerelle-cli",
      "passerelle.identity.clients[1].redirect-uris=http://127.0.0.1/callback");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(PropertiesOnly.class);

  @Test
  void bindsAValidConfigurationWithDefaults() {
    runner.withPropertyValues(VALID.toArray(String[]::new)).run(context -> {
      assertThat(context).hasNotFailed();
      IdentityProperties properties = context.getBean(IdentityProperties.class);
      assertThat(properties.issuer()).hasToString("http://127.0.0.1:9000");
      assertThat(properties.audience()).isEqualTo("passerelle");
      assertThat(properties.accessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(10));
      assertThat(properties.clients().get(1).isPublicClient()).isTrue();
      assertThat(properties.signingKey().isConfigured()).isFalse();
    });
  }

  @Test
  void rejectsAClinicUserWithoutClinic() {
    assertRejected(without("passerelle.identity.users[0].clinic-id"), "tenantConsistentWithRoles");
  }

  @Test
  void rejectsAHospitalIdOnAServiceClient() {
    assertRejected(with(VALID, "passerelle.identity.clients[0].roles=SERVICE"), "tenantConsistentWithRoles");
  }

  @Test
  void rejectsAClientWithBothSecretAndRedirectUris() {
    assertRejected(with(VALID, "passerelle.identity.clients[1].secret=oops"), "kindConsistent");
  }

  @Test
  void rejectsAConfidentialClientWithoutRoles() {
    assertRejected(without("passerelle.identity.clients[0].roles", "passerelle.identity.clients[0].hospital-id"),
        "kindConsistent");
  }

  @Test
  void rejectsAnIssuerWithATrailingSlash() {
    assertRejected(with(VALID, "passerelle.identity.issuer=http://127.0.0.1:9000/"), "issuerWellFormed");
  }

  @Test
  void rejectsAccessTokensLivingLongerThanAnHour() {
    assertRejected(with(VALID, "passerelle.identity.access-token-time-to-live=2h"), "accessTokenTimeToLive");
  }

  @Test
  void rejectsAUserAndAClientWithTheSameId() {
    assertRejected(with(VALID, "passerelle.identity.users[0].id=fr-lyon-chu-01"), "everyIdUnique");
  }

  @Test
  void rejectsHalfASigningKey() {
    assertRejected(with(VALID, "passerelle.identity.signing-key.public-key-location=file:/tmp/public.pem"),
        "bothOrNoLocation");
  }

  @Test
  void keepsPasswordsAndSecretsOutOfItsText() {
    runner.withPropertyValues(VALID.toArray(String[]::new)).run(context -> {
      String text = context.getBean(IdentityProperties.class).toString();
      assertThat(text).contains("clinique-laval", "fr-lyon-chu-01")
          .doesNotContain("demo-clinique-laval", "demo-fr-lyon-chu-01");
    });
  }

  private void assertRejected(List<String> properties, String violatedProperty) {
    runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(violatedProperty);
    });
  }

  private static List<String> with(List<String> base, String extra) {
    List<String> properties = new ArrayList<>(base);
    properties.add(extra);
    return properties;
  }

  private static List<String> without(String... keys) {
    return VALID.stream().filter(p -> List.of(keys).stream().noneMatch(key -> p.startsWith(key + "="))).toList();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IdentityProperties.class)
  static class PropertiesOnly {
  }
}
