package ca.passerelle.identity.principal;

/** The values of the {@code roles} claim (docs/security-model.md); services map each to {@code ROLE_<name>}. */
public enum Role {
  COORDINATOR,
  SPECIALIST,
  CLINIC,
  HOSPITAL,
  SERVICE,
  /** Operations tooling: the Prometheus scraper ({@code metrics-scraper}) reads the services' /actuator/prometheus. */
  OPERATOR
}
