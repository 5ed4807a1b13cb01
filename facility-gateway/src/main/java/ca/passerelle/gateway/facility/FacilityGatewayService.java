package ca.passerelle.gateway.facility;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ca.passerelle.platform.web.ConflictException;
import ca.passerelle.platform.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads go to upstream and are remembered; when upstream is unavailable the last-known answer is served, marked stale
 * with its age. Writes go to upstream only: they fail fast and are never faked.
 */
@Service
public class FacilityGatewayService {

    private static final Logger log = LoggerFactory.getLogger(FacilityGatewayService.class);

    private final FacilityApi api;
    private final LastKnownAnswers lastKnown;
    private final Clock clock;
    private final MeterRegistry meters;

    public FacilityGatewayService(FacilityApi api, LastKnownAnswers lastKnown, Clock clock, MeterRegistry meters) {
        this.api = api;
        this.lastKnown = lastKnown;
        this.clock = clock;
        this.meters = meters;
    }

    public Answer<FacilityListing> searchFacilities(FacilityQuery query) {
        return read("facilities", query.key(), FacilityListing.class, () -> new FacilityListing(api.searchFacilities(query)));
    }

    public Answer<Availability> availability(AvailabilityQuery query) {
        return read("availability", query.key(), Availability.class,
                () -> new Availability(query.facilityId(), api.availability(query)));
    }

    public Hold placeHold(String slotId, String reference) {
        return write(() -> api.placeHold(slotId, reference));
    }

    public Hold confirmHold(String holdId) {
        return write(() -> api.confirmHold(holdId));
    }

    public void releaseHold(String holdId) {
        write(() -> {
            api.releaseHold(holdId);
            return null;
        });
    }

    private <T> Answer<T> read(String kind, String key, Class<T> type, Supplier<T> upstream) {
        T value;
        try {
            value = rejectionsAsProblems(upstream);
        } catch (FacilityApiUnavailableException unavailable) {
            Answer<T> stale = lastKnown.<T>recall(key, type)
                    .map(known -> Answer.stale(known.value(), known.asOf(), now()))
                    .orElseThrow(() -> unavailable);
            log.info("Upstream unavailable ({}), answering {} from the copy of {}", unavailable.getMessage(), key, stale.asOf());
            count(kind, "stale");
            return stale;
        }
        Instant now = now();
        try {
            lastKnown.remember(key, value, now);
        } catch (RuntimeException e) {
            log.warn("Could not remember the answer to {}: {}", key, e.getMessage());
        }
        count(kind, "fresh");
        return Answer.fresh(value, now);
    }

    private static <T> T write(Supplier<T> upstream) {
        return rejectionsAsProblems(upstream);
    }

    private static <T> T rejectionsAsProblems(Supplier<T> upstream) {
        try {
            return upstream.get();
        } catch (FacilityApiRejectedException rejected) {
            switch (rejected.status()) {
                case 404 -> throw new NotFoundException(rejected.getMessage());
                case 409 -> throw new ConflictException(rejected.getMessage());
                default -> throw rejected;
            }
        }
    }

    private void count(String kind, String freshness) {
        meters.counter("facility.gateway.answers", "kind", kind, "freshness", freshness).increment();
    }

    /** Millisecond precision: what MongoDB keeps, so a fresh answer and its remembered copy carry the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
