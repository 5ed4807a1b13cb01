package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ca.passerelle.identity.principal.Role;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm used by compose and Kubernetes must name the same principals, with the same roles and tenant
 * claims, as docs/security-model.md and this identity provider's own configuration (application.yml).
 */
class KeycloakRealmTest {

  private static final Path REALM = Path.of("..", "deploy", "keycloak", "passerelle-realm.json");
  private static final Path SECURITY_MODEL = Path.of("..", "docs", "security-model.md");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{PASSERELLE_(SECRET|PASSWORD)_[A-Z0-9_]+}");

  static JsonNode realm;
  static List<Documented> documented;
  static IdentityProperties configured;

  @BeforeAll
  static void load() throws IOException {
    realm = JsonMapper.shared().readTree(Files.readString(REALM));
    documented = DocumentedPrincipals.read(Files.readString(SECURITY_MODEL));
    configured = applicationYml();
  }

  @Test
  void readsEveryPrincipalOfTheSecurityModel() {
    assertThat(documented).extracting(Documented::id).hasSize(21).contains(
        "coordonnatrice", "clinique-laval", "clinic-qc-montreal-01", "fr-toulouse-clinique-01",
        "operations-dashboard", "metrics-scraper", "operations-dashboard-web", "passerelle-cli");
  }

  @Test
  void configuresExactlyTheDocumentedPrincipals() {
    List<Documented> fromConfiguration = new ArrayList<>();
    configured.users().forEach(user -> fromConfiguration.add(
        new Documented(Kind.USER, user.id(), user.roles(), user.clinicId(), user.hospitalId())));
    configured.clients().forEach(client -> fromConfiguration.add(new Documented(
        client.isPublicClient() ? Kind.PUBLIC_CLIENT : Kind.CONFIDENTIAL_CLIENT,
        client.id(), client.roles(), client.clinicId(), client.hospitalId())));

    assertThat(fromConfiguration).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void declaresEveryRoleAsARealmRole() {
    assertThat(realm.path("roles").path("realm").values()).extracting(role -> role.path("name").asString())
        .containsExactlyInAnyOrder(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
  }

  @Test
  void holdsEveryDocumentedUserWithRolesAndClinic() {
    documented.stream().filter(p -> p.kind() == Kind.USER).forEach(user -> {
      JsonNode node = single(realm.path("users"), "username", user.id());
      assertThat(roleNames(node.path("realmRoles"))).as(user.id()).isEqualTo(user.roles());
      assertThat(attribute(node, "clinic_id")).as(user.id()).isEqualTo(Optional.ofNullable(user.clinicId()));
      assertThat(attribute(node, "hospital_id")).as(user.id()).isEqualTo(Optional.ofNullable(user.hospitalId()));
      assertThat(node.path("credentials").get(0).path("value").asString()).as(user.id()).matches(PLACEHOLDER);
    });
  }

  @Test
  void holdsEveryConfidentialClientWithItsServiceAccountRolesAndTenantClaims() {
    documented.stream().filter(p -> p.kind() == Kind.CONFIDENTIAL_CLIENT).forEach(client -> {
      JsonNode node = single(realm.path("clients"), "clientId", client.id());
      assertThat(node.path("publicClient").asBoolean()).as(client.id()).isFalse();
      assertThat(node.path("serviceAccountsEnabled").asBoolean()).as(client.id()).isTrue();
      assertThat(node.path("standardFlowEnabled").asBoolean()).as(client.id()).isFalse();
      assertThat(node.path("directAccessGrantsEnabled").asBoolean()).as(client.id()).isFalse();
      assertThat(node.path("secret").asString()).as(client.id()).matches(PLACEHOLDER);

      JsonNode serviceAccount = single(realm.path("users"), "serviceAccountClientId", client.id());
      assertThat(roleNames(serviceAccount.path("realmRoles"))).as(client.id()).isEqualTo(client.roles());
      assertThat(scopeMapping(client.id())).as(client.id()).isEqualTo(client.roles());

      assertThat(hardCodedClaim(node, "clinic_id")).as(client.id()).isEqualTo(Optional.ofNullable(client.clinicId()));
      assertThat(hardCodedClaim(node, "hospital_id")).as(client.id())
          .isEqualTo(Optional.ofNullable(client.hospitalId()));
      assertPutsRolesAndAudienceInTheAccessToken(node);
    });
  }

  @Test
  void holdsThePublicClientsWithPkceAndTheConfiguredRedirectUris() {
    documented.stream().filter(p -> p.kind() == Kind.PUBLIC_CLIENT).forEach(client -> {
      JsonNode node = single(realm.path("clients"), "clientId", client.id());
      assertThat(node.path("publicClient").asBoolean()).as(client.id()).isTrue();
      assertThat(node.path("standardFlowEnabled").asBoolean()).as(client.id()).isTrue();
      assertThat(node.path("implicitFlowEnabled").asBoolean()).as(client.id()).isFalse();
      assertThat(node.path("directAccessGrantsEnabled").asBoolean()).as(client.id()).isFalse();
      assertThat(node.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
      assertThat(node.has("secret")).as(client.id()).isFalse();

      List<String> configuredRedirects = configured.clients().stream()
          .filter(c -> c.id().equals(client.id())).findFirst().orElseThrow()
          .redirectUris().stream().map(URI::toString).toList();
      assertThat(node.path("redirectUris").values()).extracting(JsonNode::asString)
          .containsExactlyInAnyOrderElementsOf(configuredRedirects);
      assertThat(mapper(node, "oidc-usermodel-attribute-mapper", "clinic_id")).as(client.id()).isPresent();
      assertThat(mapper(node, "oidc-usermodel-attribute-mapper", "hospital_id")).as(client.id()).isPresent();
      assertPutsRolesAndAudienceInTheAccessToken(node);
    });
  }

  @Test
  void namesNoPrincipalTheSecurityModelDoesNotDocument() {
    Set<String> ids = documented.stream().map(Documented::id).collect(Collectors.toSet());

    assertThat(realm.path("clients").values()).extracting(c -> c.path("clientId").asString())
        .allMatch(ids::contains);
    assertThat(realm.path("users").values())
        .extracting(u -> u.has("serviceAccountClientId")
            ? u.path("serviceAccountClientId").asString() : u.path("username").asString())
        .allMatch(ids::contains)
        .doesNotHaveDuplicates();
  }

  @Test
  void carriesPlaceholdersInsteadOfSecrets() {
    List<String> sensitive = new ArrayList<>();
    collectSensitiveValues(realm, sensitive);

    assertThat(sensitive).hasSize(19).allMatch(value -> PLACEHOLDER.matcher(value).matches());
  }

  private static void assertPutsRolesAndAudienceInTheAccessToken(JsonNode client) {
    String id = client.path("clientId").asString();
    JsonNode audience = mapper(client, "oidc-audience-mapper", null).orElseThrow(
        () -> new AssertionError(id + " has no audience mapper"));
    assertThat(audience.path("config").path("included.custom.audience").asString()).as(id).isEqualTo("passerelle");
    assertThat(audience.path("config").path("access.token.claim").asString()).as(id).isEqualTo("true");

    JsonNode roles = mapper(client, "oidc-usermodel-realm-role-mapper", "roles").orElseThrow(
        () -> new AssertionError(id + " puts no realm roles in a roles claim"));
    assertThat(roles.path("config").path("multivalued").asString()).as(id).isEqualTo("true");
    assertThat(roles.path("config").path("access.token.claim").asString()).as(id).isEqualTo("true");
    // Only the client's scope mappings reach the token, not Keycloak's default roles (offline_access, ...).
    assertThat(client.path("fullScopeAllowed").asBoolean(true)).as(id).isFalse();
  }

  private static Optional<JsonNode> mapper(JsonNode client, String type, String claimName) {
    return client.path("protocolMappers").values().stream()
        .filter(m -> type.equals(m.path("protocolMapper").asString()))
        .filter(m -> claimName == null || claimName.equals(m.path("config").path("claim.name").asString()))
        .findFirst();
  }

  private static Optional<String> hardCodedClaim(JsonNode client, String claimName) {
    return mapper(client, "oidc-hardcoded-claim-mapper", claimName)
        .map(m -> m.path("config").path("claim.value").asString());
  }

  private static Optional<String> attribute(JsonNode user, String name) {
    JsonNode values = user.path("attributes").path(name);
    return values.isMissingNode() ? Optional.empty() : Optional.of(values.get(0).asString());
  }

  private static Set<Role> scopeMapping(String clientId) {
    return roleNames(single(realm.path("scopeMappings"), "client", clientId).path("roles"));
  }

  private static Set<Role> roleNames(JsonNode array) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    array.values().forEach(role -> roles.add(Role.valueOf(role.asString())));
    return roles;
  }

  private static JsonNode single(JsonNode array, String field, String value) {
    List<JsonNode> matches = array.values().stream()
        .filter(node -> value.equals(node.path(field).asString(null))).toList();
    assertThat(matches).as("%s = %s", field, value).hasSize(1);
    return matches.get(0);
  }

  private static void collectSensitiveValues(JsonNode node, List<String> values) {
    if (node.isObject()) {
      node.properties().forEach(entry -> {
        boolean credential = "value".equals(entry.getKey()) && "password".equals(node.path("type").asString(null));
        if ("secret".equals(entry.getKey()) || credential) {
          values.add(entry.getValue().asString());
        } else {
          collectSensitiveValues(entry.getValue(), values);
        }
      });
    } else if (node.isArray()) {
      node.values().forEach(child -> collectSensitiveValues(child, values));
    }
  }

  private static IdentityProperties applicationYml() throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
        .forEach(sources::addLast);
    return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
        .bind("passerelle.identity", IdentityProperties.class).get();
  }

  enum Kind { USER, CONFIDENTIAL_CLIENT, PUBLIC_CLIENT }

  record Documented(Kind kind, String id, Set<Role> roles, String clinicId, String hospitalId) {
    Documented {
      roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
  }

  /** Reads the "Principals of the local run" table of docs/security-model.md. */
  static final class DocumentedPrincipals {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern CLINIC_OF_USER = Pattern.compile("`clinic_id=([^`]+)`");

    static List<Documented> read(String markdown) {
      String section = markdown.substring(markdown.indexOf("## Principals of the local run"));
      section = section.substring(0, section.indexOf("\n## ", 3));
      return section.lines()
          .filter(line -> line.startsWith("|") && !line.startsWith("| kind") && !line.startsWith("|---"))
          .flatMap(DocumentedPrincipals::row)
          .toList();
    }

    private static Stream<Documented> row(String line) {
      String[] cells = line.split("\\|");
      String kindCell = cells[1].trim();
      Kind kind = kindCell.startsWith("user") ? Kind.USER
          : kindCell.startsWith("client credentials") ? Kind.CONFIDENTIAL_CLIENT
          : kindCell.startsWith("public client") ? Kind.PUBLIC_CLIENT
          : fail("unknown kind: " + kindCell);
      Set<Role> roles = Arrays.stream(cells[3].split("[^A-Z]+"))
          .filter(word -> !word.isEmpty())
          .map(Role::valueOf)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
      Function<String, String[]> tenant = tenantOf(cells[4].trim());
      return BACKTICKED.matcher(cells[2]).results().map(m -> m.group(1)).map(id -> {
        String[] clinicAndHospital = tenant.apply(id);
        return new Documented(kind, id, roles, clinicAndHospital[0], clinicAndHospital[1]);
      });
    }

    private static Function<String, String[]> tenantOf(String cell) {
      Matcher clinic = CLINIC_OF_USER.matcher(cell);
      if ("—".equals(cell)) {
        return id -> new String[] {null, null};
      } else if (clinic.find()) {
        String clinicId = clinic.group(1);
        return id -> new String[] {clinicId, null};
      } else if (cell.equals("their clinic id")) {
        return id -> new String[] {id, null};
      } else if (cell.equals("`hospital_id` = client id")) {
        return id -> new String[] {null, id};
      }
      return fail("unknown tenant: " + cell);
    }

    private static <T> T fail(String message) {
      throw new IllegalStateException("docs/security-model.md, principals table: " + message);
    }
  }
}
