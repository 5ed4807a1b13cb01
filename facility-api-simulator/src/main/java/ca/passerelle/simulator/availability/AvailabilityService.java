package ca.passerelle.simulator.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ca.passerelle.simulator.directory.FacilityId;

/**
 * Slot statuses and holds, in memory. Every operation first expires the holds that ran out, so a reader never sees a
 * stale HELD; the scheduled sweep does the same when nobody calls. One lock guards the lot: operations are tiny.
 */
@Service
public class AvailabilityService {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityService.class);

    private final SlotCatalog catalog;
    private final HoldProperties properties;
    private final Clock clock;
    private final Map<HoldId, Hold> holds = new LinkedHashMap<>();
    private final Map<SlotId, HoldId> occupiedSlots = new HashMap<>();

    public AvailabilityService(SlotCatalog catalog, HoldProperties properties, Clock clock) {
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public synchronized List<SlotAvailability> slots(FacilityId facility, LocalDate from, LocalDate to) {
        expireDue();
        return catalog.slots(facility, from, to).stream()
                .map(slot -> new SlotAvailability(slot, statusOf(slot.id())))
                .toList();
    }

    public synchronized Hold hold(SlotId slotId, String reference) {
        expireDue();
        Slot slot = catalog.find(slotId).orElseThrow(() -> new UnknownSlotException(slotId));
        SlotStatus status = statusOf(slotId);
        if (status != SlotStatus.AVAILABLE) {
            throw new SlotNotAvailableException(slotId, status);
        }
        Hold hold = Hold.place(slot, reference, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                properties.timeToLive());
        holds.put(hold.id(), hold);
        occupiedSlots.put(slotId, hold.id());
        return hold;
    }

    public synchronized Hold confirm(HoldId id) {
        expireDue();
        Hold confirmed = find(id).confirm(clock.instant());
        holds.put(id, confirmed);
        return confirmed;
    }

    public synchronized void release(HoldId id) {
        expireDue();
        Hold released = find(id).release();
        holds.put(id, released);
        occupiedSlots.remove(released.slot().id(), id);
    }

    public synchronized Hold get(HoldId id) {
        expireDue();
        return find(id);
    }

    /** The holds in the order they were placed, only those in {@code status} unless it is empty. */
    public synchronized List<Hold> holds(Optional<HoldStatus> status) {
        expireDue();
        return holds.values().stream()
                .filter(hold -> status.map(wanted -> hold.status() == wanted).orElse(true))
                .toList();
    }

    /** Expires the holds that ran out and frees their slots; returns how many. */
    public synchronized int expireDue() {
        Instant now = clock.instant();
        List<Hold> due = new ArrayList<>();
        for (Hold hold : holds.values()) {
            if (hold.isDue(now)) {
                due.add(hold);
            }
        }
        for (Hold hold : due) {
            holds.put(hold.id(), hold.expire());
            occupiedSlots.remove(hold.slot().id(), hold.id());
            log.info("Hold {} on slot {} expired unconfirmed", hold.id(), hold.slot().id());
        }
        return due.size();
    }

    private SlotStatus statusOf(SlotId slotId) {
        HoldId holder = occupiedSlots.get(slotId);
        if (holder == null) {
            return SlotStatus.AVAILABLE;
        }
        return holds.get(holder).status() == HoldStatus.CONFIRMED ? SlotStatus.BOOKED : SlotStatus.HELD;
    }

    private Hold find(HoldId id) {
        Hold hold = holds.get(id);
        if (hold == null) {
            throw new UnknownHoldException(id);
        }
        return hold;
    }

}
