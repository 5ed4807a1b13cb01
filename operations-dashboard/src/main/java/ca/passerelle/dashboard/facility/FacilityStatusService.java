package ca.passerelle.dashboard.facility;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import ca.passerelle.dashboard.ReadModelChanged;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.platform.messaging.AggregateStore;

/** Keeps the last known state of each external dependency. */
@Service
public class FacilityStatusService {

    private final AggregateStore store;
    private final FacilityStatuses statuses;

    private final ApplicationEventPublisher changes;

    public FacilityStatusService(AggregateStore store, FacilityStatuses statuses, ApplicationEventPublisher changes) {
        this.store = store;
        this.statuses = statuses;
        this.changes = changes;
    }

    public AggregateStore.Outcome record(EventEnvelope envelope, FacilityApiStatusChanged changed) {
        AggregateStore.Outcome outcome = store.apply(FacilityStatus.class, changed.dependency(), envelope,
                () -> new FacilityStatus(changed.dependency()), status -> status.report(changed.state(), changed.since()));
        if (outcome == AggregateStore.Outcome.APPLIED) {
            changes.publishEvent(new ReadModelChanged("facility", null));
        }
        return outcome;
    }

    public void deleteAll() {
        statuses.deleteAll();
    }

    public List<FacilityStatus> all() {
        return statuses.all();
    }
}
