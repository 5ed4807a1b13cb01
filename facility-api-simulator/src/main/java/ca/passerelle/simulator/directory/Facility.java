package ca.passerelle.simulator.directory;

import java.util.List;
import java.util.Objects;

/**
 * One facility of the directory. {@code region} is an ISO 3166-2 code for France ({@code FR-ARA}) and a Québec
 * administrative region code for Québec ({@code QC-06}); only surgical hospitals have categories.
 */
public record Facility(FacilityId id, String name, FacilityKind kind, String country, String region, String city,
        List<SurgicalCategory> categories, List<String> languages) {

    public Facility {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
        languages = List.copyOf(languages);
    }

    boolean matches(FacilityQuery query) {
        return (query.country() == null || country.equalsIgnoreCase(query.country()))
                && (query.category() == null || categories.contains(query.category()))
                && (query.region() == null || region.equalsIgnoreCase(query.region()))
                && (query.kind() == null || kind == query.kind());
    }

}
