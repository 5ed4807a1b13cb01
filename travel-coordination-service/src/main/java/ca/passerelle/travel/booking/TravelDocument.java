package ca.passerelle.travel.booking;

/** The documents checklist of a travel plan: each one is either ready or missing. */
public enum TravelDocument {
    PASSPORT,
    MEDICAL_FILE_IN_FRENCH,
    IMAGING_ON_DISC,
    PRE_OP_BLOOD_WORK,
    TRAVEL_INSURANCE,
    HOSPITAL_ADMISSION_FORM
}
