package ca.passerelle.gateway.status;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.web.NotFoundException;

/** Records the breaker states of guarded dependencies; only a real change is written and published. */
@Service
public class DependencyStatusService {

    private final AggregateStore store;

    public DependencyStatusService(AggregateStore store) {
        this.store = store;
    }

    public void observe(String dependency, String state, Instant at) {
        Optional<DependencyStatus> current = store.find(DependencyStatus.class, dependency);
        if (current.isEmpty()) {
            try {
                store.insert(DependencyStatus.first(dependency, state, at));
                return;
            } catch (DuplicateKeyException createdMeanwhile) {
                current = store.find(DependencyStatus.class, dependency);
            }
        }
        if (current.map(status -> status.wouldMove(state, at)).orElse(false)) {
            store.update(DependencyStatus.class, dependency, status -> status.moveTo(state, at));
        }
    }

    public DependencyStatus status(String dependency) {
        return store.find(DependencyStatus.class, dependency)
                .orElseThrow(() -> new NotFoundException("No status recorded for " + dependency));
    }
}
