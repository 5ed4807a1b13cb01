package ca.passerelle.platform.security;

/** The roles a token may carry in its {@code roles} claim; see docs/security-model.md. */
public enum Role {
    COORDINATOR,
    SPECIALIST,
    CLINIC,
    HOSPITAL,
    SERVICE,
    /** Operations tooling (the Prometheus scraper): reads {@code /actuator/prometheus}, nothing else. */
    OPERATOR;

    String authority() {
        return "ROLE_" + name();
    }
}
