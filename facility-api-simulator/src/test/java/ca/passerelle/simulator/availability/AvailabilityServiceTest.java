package ca.passerelle.simulator.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ca.passerelle.simulator.SimulatorProperties;
import ca.passerelle.simulator.directory.FacilityDirectory;
import ca.passerelle.simulator.directory.FacilityId;

class AvailabilityServiceTest {

    private static final FacilityId PARIS = FacilityId.of("fr-paris-clinique-01");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T16:00:00Z"));
    private final SlotCatalog catalog = new SlotCatalog(new FacilityDirectory(), new SimulatorProperties(42, 180), clock);
    private final AvailabilityService availability = new AvailabilityService(catalog,
            new HoldProperties(Duration.ofMinutes(15), Duration.ofSeconds(30)), clock);
    private final Slot slot = catalog.slots(PARIS, null, null).get(0);

    @Test
    void holdingASlotMarksItHeldUntilFifteenMinutesLater() {
        Hold hold = availability.hold(slot.id(), "case-1");

        assertThat(hold.status()).isEqualTo(HoldStatus.HELD);
        assertThat(hold.expiresAt()).isEqualTo(Instant.parse("2026-11-28T16:15:00Z"));
        assertThat(statusOfSlot()).isEqualTo(SlotStatus.HELD);
    }

    @Test
    void confirmingAHoldBooksTheSlot() {
        Hold hold = availability.hold(slot.id(), "case-1");

        Hold confirmed = availability.confirm(hold.id());

        assertThat(confirmed.status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(confirmed.expiresAt()).isNull();
        assertThat(statusOfSlot()).isEqualTo(SlotStatus.BOOKED);
        assertThat(availability.confirm(hold.id())).as("confirming twice").isEqualTo(confirmed);
    }

    @Test
    void releasingAHoldMakesTheSlotAvailableAgain() {
        Hold hold = availability.hold(slot.id(), "case-1");

        availability.release(hold.id());

        assertThat(availability.get(hold.id()).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(statusOfSlot()).isEqualTo(SlotStatus.AVAILABLE);
        assertThat(availability.hold(slot.id(), "case-2").status()).isEqualTo(HoldStatus.HELD);
    }

    @Test
    void releasingABookedSlotFreesItToo() {
        Hold hold = availability.hold(slot.id(), "case-1");
        availability.confirm(hold.id());

        availability.release(hold.id());

        assertThat(statusOfSlot()).isEqualTo(SlotStatus.AVAILABLE);
    }

    @Test
    void refusesToHoldASlotTwice() {
        availability.hold(slot.id(), "case-1");

        assertThatThrownBy(() -> availability.hold(slot.id(), "case-2"))
                .isInstanceOf(SlotNotAvailableException.class)
                .hasMessageContaining("HELD");
    }

    @Test
    void refusesToHoldAnUnknownSlot() {
        assertThatThrownBy(() -> availability.hold(new SlotId("fr-paris-clinique-01-20261128-9"), "case-1"))
                .isInstanceOf(UnknownSlotException.class);
    }

    @Test
    void expiresAnUnconfirmedHoldAndFreesItsSlot() {
        Hold hold = availability.hold(slot.id(), "case-1");
        clock.advance(Duration.ofMinutes(15));

        assertThat(availability.expireDue()).isEqualTo(1);
        assertThat(availability.get(hold.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(statusOfSlot()).isEqualTo(SlotStatus.AVAILABLE);
    }

    @Test
    void seesAnExpiredHoldWithoutWaitingForTheSweep() {
        Hold hold = availability.hold(slot.id(), "case-1");
        clock.advance(Duration.ofMinutes(16));

        assertThat(statusOfSlot()).isEqualTo(SlotStatus.AVAILABLE);
        assertThat(availability.holds(Optional.of(HoldStatus.EXPIRED))).extracting(Hold::id).containsExactly(hold.id());
        assertThatThrownBy(() -> availability.confirm(hold.id()))
                .isInstanceOf(HoldNotActiveException.class)
                .hasMessageContaining("EXPIRED");
    }

    @Test
    void neverExpiresAConfirmedHold() {
        Hold hold = availability.hold(slot.id(), "case-1");
        availability.confirm(hold.id());
        clock.advance(Duration.ofDays(1));

        assertThat(availability.expireDue()).isZero();
        assertThat(statusOfSlot()).isEqualTo(SlotStatus.BOOKED);
    }

    @Test
    void refusesToConfirmAReleasedHold() {
        Hold hold = availability.hold(slot.id(), "case-1");
        availability.release(hold.id());

        assertThatThrownBy(() -> availability.confirm(hold.id())).isInstanceOf(HoldNotActiveException.class);
    }

    @Test
    void leavesTheNewHolderAloneWhenAnOldHoldIsReleasedAgain() {
        Hold first = availability.hold(slot.id(), "case-1");
        availability.release(first.id());
        Hold second = availability.hold(slot.id(), "case-2");

        availability.release(first.id());

        assertThat(availability.get(second.id()).status()).isEqualTo(HoldStatus.HELD);
        assertThat(statusOfSlot()).isEqualTo(SlotStatus.HELD);
    }

    @Test
    void listsHoldsByStatus() {
        Hold held = availability.hold(slot.id(), "case-1");
        Slot other = catalog.slots(PARIS, null, null).get(1);
        Hold confirmed = availability.confirm(availability.hold(other.id(), "case-2").id());

        assertThat(availability.holds(Optional.of(HoldStatus.HELD))).extracting(Hold::id).containsExactly(held.id());
        assertThat(availability.holds(Optional.of(HoldStatus.CONFIRMED))).extracting(Hold::id)
                .containsExactly(confirmed.id());
        assertThat(availability.holds(Optional.empty())).hasSize(2);
    }

    @Test
    void refusesAnUnknownHold() {
        assertThatThrownBy(() -> availability.confirm(new HoldId("hold-nope"))).isInstanceOf(UnknownHoldException.class);
        assertThatThrownBy(() -> availability.release(new HoldId("hold-nope"))).isInstanceOf(UnknownHoldException.class);
    }

    private SlotStatus statusOfSlot() {
        return availability.slots(PARIS, slot.date(), slot.date()).stream()
                .filter(candidate -> candidate.slot().equals(slot))
                .findFirst()
                .orElseThrow()
                .status();
    }

}
