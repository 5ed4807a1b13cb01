/**
 * The partner-hospital feed: one stream per hospital, on its own Kafka topic ({@code Topics.hospitalFeed}) and through
 * a catch-up endpoint, of CloudEvents whose data is an HL7 FHIR R4 {@code Appointment} with a per-hospital pseudonymous
 * patient reference and a gap-free sequence number.
 */
package ca.passerelle.travel.feed;
