package ca.passerelle.events.intake;

/**
 * Which purposes the patient consented to. The full consent record (time, method, text version) stays in intake-service.
 *
 * @param careCoordination required to open a case
 * @param crossBorderCommunication required before any health information leaves Québec
 * @param research optional
 */
public record ConsentGrants(boolean careCoordination, boolean crossBorderCommunication, boolean research) {
}
