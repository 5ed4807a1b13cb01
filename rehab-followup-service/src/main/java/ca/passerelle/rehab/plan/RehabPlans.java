package ca.passerelle.rehab.plan;

import java.util.List;
import java.util.Optional;

/** The queries over plans that go beyond one document by id (implemented in {@code persistence}). */
public interface RehabPlans {

    /** Plans still followed (status ACTIVE). */
    List<RehabPlan> active();

    /** Plans with at least one unacknowledged alert. */
    List<RehabPlan> withOpenAlerts();

    /** The plan holding the alert {@code alertId}. */
    Optional<RehabPlan> holdingAlert(String alertId);
}
