package ca.passerelle.dashboard.facility;

import java.util.List;

import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.platform.messaging.AggregateStore;

/** Keeps the last known state of each external dependency. */
@Service
public class FacilityStatusService {

    private final AggregateStore store;
    private final FacilityStatuses statuses;

    public FacilityStatusService(AggregateStore store, FacilityStatuses statuses) {
        this.store = store;
        this.statuses = statuses;
    }

    public AggregateStore.Outcome record(EventEnvelope envelope, FacilityApiStatusChanged changed) {
        return store.apply(FacilityStatus.class, changed.dependency(), envelope, () -> new FacilityStatus(changed.dependency()),
                status -> status.report(changed.state(), changed.since()));
    }

    public void deleteAll() {
        statuses.deleteAll();
    }

    public List<FacilityStatus> all() {
        return statuses.all();
    }
}
