package ca.passerelle.events;

import java.util.List;
import java.util.Objects;

/** Validation helpers for the compact constructors of payload records: a payload that breaks its schema never exists. */
public final class Contract {

    private Contract() {
    }

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static <T> T require(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    public static <T> List<T> listOrEmpty(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    public static int requireRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " but was " + value);
        }
        return value;
    }
}
