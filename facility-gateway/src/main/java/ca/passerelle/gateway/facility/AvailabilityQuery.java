package ca.passerelle.gateway.facility;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import ca.passerelle.platform.web.InvalidInputException;

/** The slots of one facility between two dates (both optional: upstream then uses its own window). */
public record AvailabilityQuery(String facilityId, LocalDate from, LocalDate to) {

    public AvailabilityQuery {
        if (facilityId == null || facilityId.isBlank()) {
            throw new InvalidInputException("facilityId is required");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to must not be before from");
        }
    }

    public String key() {
        Map<String, String> present = new TreeMap<>();
        if (from != null) {
            present.put("from", from.toString());
        }
        if (to != null) {
            present.put("to", to.toString());
        }
        return RequestKeys.of("facilities/" + facilityId + "/slots", present);
    }
}
