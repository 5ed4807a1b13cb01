package ca.passerelle.simulator.availability;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.passerelle.simulator.directory.FacilityId;

/** A slot's id, {@code <facilityId>-<yyyyMMdd>-<n>}: stable for the same seed and date. */
public record SlotId(String value) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern SHAPE = Pattern.compile("^(.+)-(\\d{8})-(\\d{1,3})$");

    public SlotId {
        Objects.requireNonNull(value, "slot id");
    }

    public static SlotId of(FacilityId facility, LocalDate date, int number) {
        return new SlotId(facility.value() + "-" + DAY.format(date) + "-" + number);
    }

    /** The facility and date this id names, if it has the shape of a slot id. */
    Optional<Parts> parts() {
        Matcher matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parts(FacilityId.of(matcher.group(1)), LocalDate.parse(matcher.group(2), DAY)));
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    record Parts(FacilityId facility, LocalDate date) {
    }

    @Override
    public String toString() {
        return value;
    }

}
