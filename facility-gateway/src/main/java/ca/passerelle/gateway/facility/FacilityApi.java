package ca.passerelle.gateway.facility;

import java.util.List;

/**
 * The external facility-availability API as the domain needs it. Every call either answers, or throws
 * {@link FacilityApiUnavailableException} (upstream down, slow, rate-limiting, or the breaker open) or
 * {@link FacilityApiRejectedException} (upstream refused the request, e.g. 404 or 409).
 */
public interface FacilityApi {

    List<Facility> searchFacilities(FacilityQuery query);

    List<Slot> availability(AvailabilityQuery query);

    Hold placeHold(String slotId, String reference);

    Hold confirmHold(String holdId);

    void releaseHold(String holdId);
}
