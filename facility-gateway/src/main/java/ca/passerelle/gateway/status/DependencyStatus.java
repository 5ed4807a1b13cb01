package ca.passerelle.gateway.status;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.platform.messaging.AggregateDocument;

/**
 * The state of the circuit breaker guarding one external dependency, as this gateway last saw it. Each change raises
 * {@link FacilityApiStatusChanged}. A change older than the state held is ignored, so two racing transitions cannot
 * leave an out-of-date state behind.
 */
@Document("dependency-status")
public class DependencyStatus extends AggregateDocument {

    @Id
    private String dependency;
    private String state;
    private Instant since;

    @PersistenceCreator
    DependencyStatus(String dependency, String state, Instant since) {
        this.dependency = dependency;
        this.state = state;
        this.since = since;
    }

    /** The first state seen for a dependency; published too, so consumers learn the starting point. */
    public static DependencyStatus first(String dependency, String state, Instant since) {
        DependencyStatus status = new DependencyStatus(dependency, state, since);
        status.raise(new FacilityApiStatusChanged(dependency, state, since), since);
        return status;
    }

    /** Whether observing {@code newState} at {@code at} would change anything. */
    public boolean wouldMove(String newState, Instant at) {
        return !newState.equals(state) && !at.isBefore(since);
    }

    public void moveTo(String newState, Instant at) {
        if (!wouldMove(newState, at)) {
            return;
        }
        state = newState;
        since = at;
        raise(new FacilityApiStatusChanged(dependency, newState, at), at);
    }

    public String dependency() {
        return dependency;
    }

    public String state() {
        return state;
    }

    public Instant since() {
        return since;
    }
}
