package ca.passerelle.simulator.directory;

/** Directory filters; a null field does not filter. */
public record FacilityQuery(String country, SurgicalCategory category, String region, FacilityKind kind) {

    public static FacilityQuery any() {
        return new FacilityQuery(null, null, null, null);
    }

}
