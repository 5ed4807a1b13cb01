package ca.passerelle.travel.booking;

import java.util.List;

/** A facility as facility-gateway describes it (only what ranking needs). */
public record Facility(String id, String name, String kind, String country, String city, List<String> categories,
        List<String> languages) {

    public Facility {
        categories = categories == null ? List.of() : List.copyOf(categories);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    boolean speaksFrench() {
        return languages.stream().anyMatch("fr"::equalsIgnoreCase);
    }
}
