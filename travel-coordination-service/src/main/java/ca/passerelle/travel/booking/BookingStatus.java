package ca.passerelle.travel.booking;

/** Where a surgery booking stands; the saga driver acts on SEARCHING and HOLDING, people act on the others. */
public enum BookingStatus {
    /** Looking for partner hospitals with availability through facility-gateway. */
    SEARCHING,
    /** Options found; waiting for the coordinator's pick (or picked at once when auto-pick is on). */
    AWAITING_CHOICE,
    /** An option is chosen; its slot is being held on facility-gateway. */
    HOLDING,
    /** The slot is held; the partner hospital has to confirm or decline the appointment. */
    AWAITING_HOSPITAL_CONFIRMATION,
    /** The hospital confirmed: the surgery date is fixed. */
    SCHEDULED,
    /** The hospital reported the surgery done. */
    COMPLETED,
    /** The pathway stopped (urgent referral, surgery not indicated); any hold is released. */
    CANCELLED,
    /** No partner hospital has a slot in the search window, or every option was declined or taken. */
    NO_OPTION;

    boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }
}
