package ca.passerelle.identity.principal;

import java.util.List;
import java.util.Set;

/**
 * The role and tenant claims one principal carries in its tokens.
 *
 * @param roles the {@code roles} claim
 * @param clinicId the {@code clinic_id} claim, or null
 * @param hospitalId the {@code hospital_id} claim, or null
 */
public record PrincipalClaims(Set<Role> roles, String clinicId, String hospitalId) {

  public PrincipalClaims {
    roles = Set.copyOf(roles);
  }

  /** The roles in declaration order, as the JSON array of the {@code roles} claim. */
  public List<String> roleNames() {
    return roles.stream().sorted().map(Role::name).toList();
  }
}
