package ca.passerelle.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the validated token says: subject, roles and tenant. The tenant (clinic or hospital) comes from
 * the token only, never from a path, a query or a body.
 */
public record Caller(String subject, Set<Role> roles, Optional<String> clinicId, Optional<String> hospitalId) {

    public Caller {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Coordinators and specialists see every case; a clinic only its own. */
    public boolean maySeeCasesOf(String clinic) {
        return has(Role.COORDINATOR) || has(Role.SPECIALIST) || clinicId.filter(own -> own.equals(clinic)).isPresent();
    }

    /** Coordinators act for every hospital; a hospital only for itself. */
    public boolean mayActForHospital(String hospital) {
        return has(Role.COORDINATOR) || hospitalId.filter(own -> own.equals(hospital)).isPresent();
    }

    /** The clinic a clinic user acts for; a clinic token without one is refused. */
    public String requiredClinicId() {
        return clinicId.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("token names no clinic"));
    }

    public String requiredHospitalId() {
        return hospitalId.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("token names no hospital"));
    }
}
