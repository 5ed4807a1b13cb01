package ca.passerelle.dashboard.facility;

import java.util.List;

/** Reads of the dependency statuses (writes go through the platform's aggregate store). */
public interface FacilityStatuses {

    /** Every dependency reported so far, by name. */
    List<FacilityStatus> all();

    /** Removes every status (the rebuild starts from an empty collection). */
    void deleteAll();
}
