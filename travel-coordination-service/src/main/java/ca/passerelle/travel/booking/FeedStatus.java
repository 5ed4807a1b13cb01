package ca.passerelle.travel.booking;

/** What the partner hospital's feed says about an appointment (the FHIR R4 {@code Appointment.status} it maps to). */
public enum FeedStatus {
    /** A slot is held; the hospital is asked to confirm. */
    PROPOSED,
    /** Confirmed (or moved to a new date). */
    BOOKED,
    /** Declined, timed out, or cancelled: the hold is released. */
    CANCELLED
}
