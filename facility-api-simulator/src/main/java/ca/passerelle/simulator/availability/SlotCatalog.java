package ca.passerelle.simulator.availability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ca.passerelle.simulator.SimulatorProperties;
import ca.passerelle.simulator.directory.FacilityDirectory;
import ca.passerelle.simulator.directory.FacilityId;

/** The slots on offer: generated from the seed, from tomorrow up to the horizon, for facilities of the directory. */
@Component
public class SlotCatalog {

    private final FacilityDirectory directory;
    private final SlotGenerator generator;
    private final Clock clock;
    private final int horizonDays;

    public SlotCatalog(FacilityDirectory directory, SimulatorProperties properties, Clock clock) {
        this.directory = directory;
        this.generator = new SlotGenerator(properties.seed());
        this.clock = clock;
        this.horizonDays = properties.horizonDays();
    }

    public LocalDate firstDay() {
        return LocalDate.now(clock).plusDays(1);
    }

    public LocalDate lastDay() {
        return LocalDate.now(clock).plusDays(horizonDays);
    }

    /**
     * The facility's slots between two dates, both included, clipped to the window on offer; a missing bound means
     * the window's.
     */
    public List<Slot> slots(FacilityId facility, LocalDate from, LocalDate to) {
        directory.get(facility);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        LocalDate first = from == null || from.isBefore(firstDay()) ? firstDay() : from;
        LocalDate last = to == null || to.isAfter(lastDay()) ? lastDay() : to;
        return generator.slotsBetween(facility, first, last);
    }

    public Optional<Slot> find(SlotId id) {
        return id.parts()
                .filter(parts -> directory.find(parts.facility()).isPresent())
                .filter(parts -> !parts.date().isBefore(firstDay()) && !parts.date().isAfter(lastDay()))
                .flatMap(parts -> generator.slotsOn(parts.facility(), parts.date()).stream()
                        .filter(slot -> slot.id().equals(id))
                        .findFirst());
    }

}
