package ca.passerelle.travel.booking;

import java.util.UUID;
import java.util.function.Supplier;

/** Makes the opaque appointment ids partner hospitals see ({@code apt-} and 8 hex digits); replaceable in tests. */
@FunctionalInterface
public interface AppointmentIds extends Supplier<String> {

    static AppointmentIds random() {
        return () -> "apt-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
