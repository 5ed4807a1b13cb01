package ca.passerelle.identity;

import ca.passerelle.identity.principal.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the identity provider issues, from configuration so that a deployment can override it: the issuer, the
 * audience and lifetime of access tokens, the signing key, and the principals (users and clients) with their roles
 * and tenants. The demo principals of the local run are in {@code application.yml}.
 */
@Validated
@ConfigurationProperties("passerelle.identity")
public record IdentityProperties(
    @NotNull URI issuer,
    @NotBlank String audience,
    @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 1) Duration accessTokenTimeToLive,
    @NotNull @Valid SigningKey signingKey,
    @NotNull List<@NotNull @Valid User> users,
    @NotEmpty List<@NotNull @Valid Client> clients) {

  public static final URI DEFAULT_ISSUER = URI.create("http://127.0.0.1:9000");
  public static final String DEFAULT_AUDIENCE = "passerelle";
  public static final Duration DEFAULT_ACCESS_TOKEN_TIME_TO_LIVE = Duration.ofMinutes(10);

  public IdentityProperties {
    issuer = issuer == null ? DEFAULT_ISSUER : issuer;
    audience = audience == null ? DEFAULT_AUDIENCE : audience;
    accessTokenTimeToLive = accessTokenTimeToLive == null ? DEFAULT_ACCESS_TOKEN_TIME_TO_LIVE : accessTokenTimeToLive;
    signingKey = signingKey == null ? new SigningKey(null, null, null) : signingKey;
    users = users == null ? List.of() : List.copyOf(users);
    clients = clients == null ? List.of() : List.copyOf(clients);
  }

  /** The issuer is compared character for character by every service, so it has to be a plain origin-like URL. */
  @AssertTrue(message = "issuer must be an absolute http(s) URL without query, fragment or trailing slash")
  public boolean isIssuerWellFormed() {
    String value = issuer.toString();
    return issuer.isAbsolute()
        && ("http".equals(issuer.getScheme()) || "https".equals(issuer.getScheme()))
        && issuer.getHost() != null
        && issuer.getQuery() == null
        && issuer.getFragment() == null
        && !value.endsWith("/");
  }

  /** A user and a client with one id would be the same {@code sub} in the audit log. */
  @AssertTrue(message = "user and client ids must be unique across users and clients")
  public boolean isEveryIdUnique() {
    List<String> ids = new ArrayList<>();
    users.stream().filter(u -> u != null).map(User::id).forEach(ids::add);
    clients.stream().filter(c -> c != null).map(Client::id).forEach(ids::add);
    return new HashSet<>(ids).size() == ids.size();
  }

  /**
   * A person who signs in with the login form (authorization code + PKCE through a public client).
   *
   * @param id the username, also the token's {@code sub}
   * @param password raw (encoded with BCrypt at start) or already encoded with an id prefix ({@code {bcrypt}...})
   * @param roles the {@code roles} claim
   * @param clinicId the {@code clinic_id} claim; required with, and only with, the CLINIC role
   * @param hospitalId the {@code hospital_id} claim; required with, and only with, the HOSPITAL role
   */
  public record User(
      @NotBlank @Pattern(regexp = Ids.PATTERN) String id,
      @NotBlank String password,
      @NotNull Set<@NotNull Role> roles,
      @Pattern(regexp = Ids.PATTERN) String clinicId,
      @Pattern(regexp = Ids.PATTERN) String hospitalId) {

    public User {
      roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    @AssertTrue(message = "a user needs at least one role")
    public boolean isRoleGiven() {
      return !roles.isEmpty();
    }

    @AssertTrue(message = "clinic-id is required with the CLINIC role and only with it; hospital-id likewise with HOSPITAL")
    public boolean isTenantConsistentWithRoles() {
      return Tenancy.consistent(roles, clinicId, hospitalId);
    }

    @Override
    public String toString() {
      return "User[id=" + id + ", roles=" + roles + ", clinicId=" + clinicId + ", hospitalId=" + hospitalId
          + ", password=(hidden)]";
    }
  }

  /**
   * An OAuth2 client. With a {@code secret} it is a confidential client-credentials client (a clinic integration, a
   * partner hospital, a service) that needs roles; with {@code redirect-uris} and no secret it is a public client that
   * signs users in with authorization code + PKCE and has no roles of its own.
   *
   * @param id the client id, also the {@code sub} of its client-credentials tokens
   * @param secret raw (encoded with BCrypt at start) or already encoded with an id prefix
   * @param roles the {@code roles} claim of its client-credentials tokens
   * @param clinicId the {@code clinic_id} claim; required with, and only with, the CLINIC role
   * @param hospitalId the {@code hospital_id} claim; required with, and only with, the HOSPITAL role
   * @param redirectUris where a public client receives the authorization code
   */
  public record Client(
      @NotBlank @Pattern(regexp = Ids.PATTERN) String id,
      String secret,
      @NotNull Set<@NotNull Role> roles,
      @Pattern(regexp = Ids.PATTERN) String clinicId,
      @Pattern(regexp = Ids.PATTERN) String hospitalId,
      @NotNull List<@NotNull URI> redirectUris) {

    public Client {
      roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
      redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    /** True for a public authorization-code client, false for a confidential client-credentials client. */
    public boolean isPublicClient() {
      return !redirectUris.isEmpty();
    }

    @AssertTrue(message = "a client has either a secret (confidential, with roles) or redirect-uris (public, without "
        + "roles or tenant), not both")
    public boolean isKindConsistent() {
      boolean hasSecret = secret != null && !secret.isBlank();
      if (isPublicClient()) {
        return !hasSecret && roles.isEmpty() && clinicId == null && hospitalId == null;
      }
      return hasSecret && !roles.isEmpty();
    }

    @AssertTrue(message = "redirect-uris must be absolute http(s) URIs without fragment")
    public boolean isEveryRedirectUriAbsolute() {
      return redirectUris.stream().allMatch(uri -> uri.isAbsolute() && uri.getFragment() == null
          && Stream.of("http", "https").anyMatch(scheme -> scheme.equals(uri.getScheme())));
    }

    @AssertTrue(message = "clinic-id is required with the CLINIC role and only with it; hospital-id likewise with HOSPITAL")
    public boolean isTenantConsistentWithRoles() {
      return Tenancy.consistent(roles, clinicId, hospitalId);
    }

    @Override
    public String toString() {
      return "Client[id=" + id + ", roles=" + roles + ", clinicId=" + clinicId + ", hospitalId=" + hospitalId
          + ", redirectUris=" + redirectUris + ", secret=" + (secret == null ? "none" : "(hidden)") + "]";
    }
  }

  /**
   * The RSA key that signs tokens (RS256). Without locations a 2048-bit key is generated at start, so tokens do not
   * survive a restart; with both locations the key is read from PEM files.
   *
   * @param publicKeyLocation an X.509 {@code -----BEGIN PUBLIC KEY-----} PEM, e.g. {@code file:/run/secrets/idp-public.pem}
   * @param privateKeyLocation a PKCS#8 {@code -----BEGIN PRIVATE KEY-----} PEM
   * @param keyId the {@code kid}; the RFC 7638 thumbprint of the key when absent
   */
  public record SigningKey(Resource publicKeyLocation, Resource privateKeyLocation, String keyId) {

    @AssertTrue(message = "give both public-key-location and private-key-location, or neither")
    public boolean isBothOrNoLocation() {
      return (publicKeyLocation == null) == (privateKeyLocation == null);
    }

    public boolean isConfigured() {
      return publicKeyLocation != null && privateKeyLocation != null;
    }
  }

  private static final class Ids {
    static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,99}";
  }

  private static final class Tenancy {
    static boolean consistent(Set<Role> roles, String clinicId, String hospitalId) {
      return roles.contains(Role.CLINIC) == (clinicId != null)
          && roles.contains(Role.HOSPITAL) == (hospitalId != null);
    }
  }
}
