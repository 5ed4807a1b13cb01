package ca.passerelle.simulator.directory;

import java.util.Objects;

/** The stable identifier of a facility, such as {@code fr-lyon-chu-01}. */
public record FacilityId(String value) {

    public FacilityId {
        Objects.requireNonNull(value, "facility id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A facility id cannot be blank");
        }
    }

    public static FacilityId of(String value) {
        return new FacilityId(value);
    }

    @Override
    public String toString() {
        return value;
    }

}
