/** The append-only audit trail of PHI reads and decisions: who, tenant, what, when, why — never a PHI value. */
package ca.passerelle.platform.audit;
