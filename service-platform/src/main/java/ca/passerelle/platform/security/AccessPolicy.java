package ca.passerelle.platform.security;

import java.util.List;

/** A service's route rules; declared as a bean, applied by the platform before its deny-everything-else rule. */
@FunctionalInterface
public interface AccessPolicy {

    List<AccessRule> rules();
}
