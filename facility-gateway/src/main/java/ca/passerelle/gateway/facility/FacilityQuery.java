package ca.passerelle.gateway.facility;

import java.util.Map;
import java.util.TreeMap;

/** Filters of a facility search, all optional. */
public record FacilityQuery(String country, String category, String region, String kind) {

    /** The request as a stable key: the same filters in any order give the same key. */
    public String key() {
        Map<String, String> present = new TreeMap<>();
        put(present, "category", category);
        put(present, "country", country);
        put(present, "kind", kind);
        put(present, "region", region);
        return RequestKeys.of("facilities", present);
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }
}
