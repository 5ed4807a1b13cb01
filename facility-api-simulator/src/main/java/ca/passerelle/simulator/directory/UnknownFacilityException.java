package ca.passerelle.simulator.directory;

/** No facility has this id. */
public class UnknownFacilityException extends RuntimeException {

    public UnknownFacilityException(FacilityId id) {
        super("No facility " + id);
    }

}
