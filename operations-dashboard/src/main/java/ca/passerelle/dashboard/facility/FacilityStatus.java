package ca.passerelle.dashboard.facility;

import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.platform.messaging.AggregateDocument;

/** The state of the breaker guarding one external dependency (e.g. {@code facility-api}); an older report never replaces a newer one. */
@Document("facility-status")
public class FacilityStatus extends AggregateDocument {

    @Id
    private String dependency;
    private String state;
    private Instant since;

    public FacilityStatus(String dependency) {
        this.dependency = Objects.requireNonNull(dependency, "dependency");
    }

    public void report(String newState, Instant newSince) {
        if (since == null || !newSince.isBefore(since)) {
            state = newState;
            since = newSince;
        }
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

    /** True when calls go through: the breaker is closed. */
    public boolean available() {
        return "CLOSED".equals(state);
    }
}
