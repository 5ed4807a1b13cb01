package ca.passerelle.platform.security;

/** The roles a token may carry in its {@code roles} claim; see docs/security-model.md. */
public enum Role {
    COORDINATOR,
    SPECIALIST,
    CLINIC,
    HOSPITAL,
    SERVICE;

    String authority() {
        return "ROLE_" + name();
    }
}
