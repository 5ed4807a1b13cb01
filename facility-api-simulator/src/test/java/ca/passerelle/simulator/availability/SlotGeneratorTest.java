package ca.passerelle.simulator.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.passerelle.simulator.SimulatorProperties;
import ca.passerelle.simulator.directory.Facility;
import ca.passerelle.simulator.directory.FacilityDirectory;
import ca.passerelle.simulator.directory.FacilityId;

class SlotGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T16:00:00Z"), ZoneOffset.UTC);
    private static final FacilityId LYON = FacilityId.of("fr-lyon-chu-01");
    private final FacilityDirectory directory = new FacilityDirectory();

    @Test
    void generatesTheSameSlotsForTheSameSeedAndClock() {
        for (Facility facility : directory.all()) {
            assertThat(catalog(42, CLOCK).slots(facility.id(), null, null))
                    .isEqualTo(catalog(42, CLOCK).slots(facility.id(), null, null));
        }
    }

    @Test
    void generatesOtherSlotsForAnotherSeed() {
        assertThat(catalog(7, CLOCK).slots(LYON, null, null)).isNotEqualTo(catalog(42, CLOCK).slots(LYON, null, null));
    }

    @Test
    void offersWeekdaysFromTomorrowToTheHorizon() {
        List<Slot> slots = catalog(42, CLOCK).slots(LYON, null, null);

        assertThat(slots).isNotEmpty().allSatisfy(slot -> {
            assertThat(slot.date()).isBetween(LocalDate.of(2026, 11, 29), LocalDate.of(2027, 5, 27));
            assertThat(slot.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
    }

    @Test
    void offersAFewSlotsAWeekAtEveryFacility() {
        for (Facility facility : directory.all()) {
            int count = catalog(42, CLOCK).slots(facility.id(), null, null).size();
            double perWeek = count / (180 / 7.0);
            assertThat(perWeek).as(facility.id().value()).isBetween(2.0, 6.0);
        }
    }

    @Test
    void keepsADaysSlotIdsWhenTheClockMoves() {
        Clock weekLater = Clock.offset(CLOCK, java.time.Duration.ofDays(7));
        LocalDate from = LocalDate.of(2026, 12, 14);
        LocalDate to = LocalDate.of(2026, 12, 31);

        assertThat(catalog(42, weekLater).slots(LYON, from, to)).isEqualTo(catalog(42, CLOCK).slots(LYON, from, to));
    }

    @Test
    void namesSlotsByFacilityDateAndNumber() {
        Slot first = catalog(42, CLOCK).slots(LYON, null, null).get(0);

        assertThat(first.id().value()).isEqualTo("fr-lyon-chu-01-"
                + first.date().toString().replace("-", "") + "-1");
        assertThat(catalog(42, CLOCK).find(first.id())).contains(first);
    }

    @Test
    void findsNoSlotOutsideTheWindowOrWithAMadeUpId() {
        SlotCatalog catalog = catalog(42, CLOCK);

        assertThat(catalog.find(new SlotId("fr-lyon-chu-01-20261127-1"))).isEmpty();
        assertThat(catalog.find(new SlotId("fr-lyon-chu-01-20261205-1"))).as("a Saturday").isEmpty();
        assertThat(catalog.find(new SlotId("fr-nowhere-01-20261201-1"))).isEmpty();
        assertThat(catalog.find(new SlotId("not-a-slot"))).isEmpty();
        assertThat(catalog.find(new SlotId("fr-lyon-chu-01-20261399-1"))).isEmpty();
    }

    private SlotCatalog catalog(long seed, Clock clock) {
        return new SlotCatalog(directory, new SimulatorProperties(seed, 180), clock);
    }

}
