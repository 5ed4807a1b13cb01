package ca.passerelle.simulator.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ca.passerelle.simulator.directory.FacilityId;

/**
 * Generates a facility's slots from the seed alone: each weekday draws its own slots from a random source keyed by
 * (seed, facility, date), so a day's slots do not depend on the window asked for or on when the simulator started.
 * About three to four slots a week, none at weekends.
 */
public final class SlotGenerator {

    private final long seed;

    public SlotGenerator(long seed) {
        this.seed = seed;
    }

    public List<Slot> slotsOn(FacilityId facility, LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return List.of();
        }
        double draw = new SplittableRandom(keyOf(facility, date)).nextDouble();
        int count = draw < 0.45 ? 0 : draw < 0.85 ? 1 : 2;
        List<Slot> slots = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            slots.add(new Slot(SlotId.of(facility, date, number), facility, date));
        }
        return slots;
    }

    /** The slots from {@code first} to {@code last}, both included, in date order. */
    public List<Slot> slotsBetween(FacilityId facility, LocalDate first, LocalDate last) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            slots.addAll(slotsOn(facility, date));
        }
        return slots;
    }

    private long keyOf(FacilityId facility, LocalDate date) {
        long key = seed;
        key = key * 1_000_003L + facility.value().hashCode();
        key = key * 1_000_003L + date.toEpochDay();
        return key;
    }

}
