package ca.passerelle.simulator.availability;

import java.util.Objects;
import java.util.UUID;

/** A hold's id. */
public record HoldId(String value) {

    public HoldId {
        Objects.requireNonNull(value, "hold id");
    }

    static HoldId next() {
        return new HoldId("hold-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }

}
