package ca.passerelle.travel.booking;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * What the saga needs from facility-gateway. Every call may throw {@link FacilityGatewayUnavailableException}, after
 * which the step is retried later; holds are requested with the case id as reference.
 */
public interface FacilityGateway {

    /** Surgical hospitals in France that perform the category. */
    List<Facility> surgicalHospitalsInFrance(SurgicalCategory category);

    List<Slot> availability(String facilityId, LocalDate from, LocalDate to);

    /** @throws SlotUnavailableException when the slot is no longer available */
    Hold hold(String slotId, String reference);

    /** @throws HoldRejectedException when the hold cannot be confirmed (expired, released) */
    Hold confirm(String holdId);

    /** Releases a hold; releasing one that no longer exists is not an error. */
    void release(String holdId);
}
