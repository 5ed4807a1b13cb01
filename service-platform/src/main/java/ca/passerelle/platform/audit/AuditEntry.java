package ca.passerelle.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audited act. Holds identifiers and codes only: the actor's subject and roles, the tenant they acted for, an
 * action code ({@code case.identity.read}, {@code evaluation.recorded}), the resource type and opaque id, the purpose.
 */
public record AuditEntry(String id, Instant at, String actor, List<String> roles, String tenant, String action,
        String resourceType, String resourceId, String purpose) {
}
