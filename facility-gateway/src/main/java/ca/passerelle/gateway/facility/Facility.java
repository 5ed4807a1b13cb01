package ca.passerelle.gateway.facility;

import java.util.List;

/** A facility as the upstream directory describes it; kinds and categories stay strings so new upstream values pass through. */
public record Facility(String id, String name, String kind, String country, String region, String city, List<String> categories,
        List<String> languages) {

    public Facility {
        categories = categories == null ? List.of() : List.copyOf(categories);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
