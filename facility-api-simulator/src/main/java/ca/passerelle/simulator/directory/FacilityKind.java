package ca.passerelle.simulator.directory;

/** What a facility does on the pathway. */
public enum FacilityKind {
    SURGICAL_HOSPITAL,
    CONSERVATIVE_CARE_CLINIC,
    REHAB_CLINIC
}
