package ca.passerelle.identity.principal;

import ca.passerelle.identity.IdentityProperties;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks up the roles and tenant of a user or a client, as configured under {@code passerelle.identity}. */
public final class PrincipalDirectory {

  private final Map<String, PrincipalClaims> users;
  private final Map<String, PrincipalClaims> clients;

  public PrincipalDirectory(IdentityProperties properties) {
    this.users = properties.users().stream().collect(Collectors.toUnmodifiableMap(IdentityProperties.User::id,
        user -> new PrincipalClaims(user.roles(), user.clinicId(), user.hospitalId()), (a, b) -> a));
    this.clients = properties.clients().stream().collect(Collectors.toUnmodifiableMap(IdentityProperties.Client::id,
        client -> new PrincipalClaims(client.roles(), client.clinicId(), client.hospitalId()), (a, b) -> a));
  }

  public Optional<PrincipalClaims> user(String username) {
    return Optional.ofNullable(users.get(username));
  }

  public Optional<PrincipalClaims> client(String clientId) {
    return Optional.ofNullable(clients.get(clientId));
  }
}
