package ca.passerelle.simulator.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A hold on one slot. HELD until it is confirmed, released or runs out at {@code expiresAt}; a confirmed hold no
 * longer expires but can still be released. Immutable: each transition returns the next state.
 */
public record Hold(HoldId id, Slot slot, String reference, HoldStatus status, Instant heldAt, Instant expiresAt) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(status, "status");
    }

    static Hold place(Slot slot, String reference, Instant now, Duration timeToLive) {
        return new Hold(HoldId.next(), slot, reference, HoldStatus.HELD, now, now.plus(timeToLive));
    }

    /** Confirms a live hold; confirming a confirmed hold again changes nothing. */
    Hold confirm(Instant now) {
        if (status == HoldStatus.CONFIRMED) {
            return this;
        }
        if (status != HoldStatus.HELD || isDue(now)) {
            throw new HoldNotActiveException(id, isDue(now) ? HoldStatus.EXPIRED : status);
        }
        return withStatus(HoldStatus.CONFIRMED, null);
    }

    /** Gives the slot back; releasing a hold that no longer holds anything changes nothing. */
    Hold release() {
        return status.occupiesSlot() ? withStatus(HoldStatus.RELEASED, expiresAt) : this;
    }

    Hold expire() {
        return withStatus(HoldStatus.EXPIRED, expiresAt);
    }

    boolean isDue(Instant now) {
        return status == HoldStatus.HELD && !now.isBefore(expiresAt);
    }

    private Hold withStatus(HoldStatus next, Instant nextExpiresAt) {
        return new Hold(id, slot, reference, next, heldAt, nextExpiresAt);
    }

}
