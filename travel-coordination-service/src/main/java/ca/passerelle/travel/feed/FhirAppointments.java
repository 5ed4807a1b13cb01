package ca.passerelle.travel.feed;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;

import ca.passerelle.travel.booking.FeedNotice;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Builds the FHIR R4 {@code Appointment} of a feed event with HAPI FHIR. Shaped after the French FR Core conventions
 * where they apply (business identifiers with a system URI, references by identifier, Europe/Paris times); there is no
 * FR Core Appointment profile to claim. The patient is only a per-hospital pseudonymous identifier; the appointment
 * carries the procedure category as a service type, the surgical day (08:00–18:00 Paris time) and the status.
 */
public final class FhirAppointments {

    public static final String APPOINTMENT_ID_SYSTEM = "https://passerelle.ca/fhir/sid/appointment-id";
    public static final String CATEGORY_SYSTEM = "https://passerelle.ca/fhir/CodeSystem/surgical-category";
    public static final String HOSPITAL_SYSTEM = "https://passerelle.ca/fhir/sid/partner-hospital";
    /** Followed by the hospital id: each hospital has its own pseudonym namespace. */
    public static final String PSEUDONYM_SYSTEM_PREFIX = "https://passerelle.ca/fhir/sid/patient-pseudonym/";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
    private static final LocalTime DAY_ENDS = LocalTime.of(18, 0);

    private final FhirContext fhir;
    private final Pseudonyms pseudonyms;

    public FhirAppointments(FhirContext fhir, Pseudonyms pseudonyms) {
        this.fhir = fhir;
        this.pseudonyms = pseudonyms;
    }

    public Appointment build(FeedNotice notice) {
        Appointment appointment = new Appointment();
        appointment.setId(notice.appointmentId());
        appointment.getMeta().setLastUpdatedElement(instant(Date.from(notice.at())));
        appointment.addIdentifier().setSystem(APPOINTMENT_ID_SYSTEM).setValue(notice.appointmentId());
        appointment.setStatus(switch (notice.status()) {
            case PROPOSED -> AppointmentStatus.PROPOSED;
            case BOOKED -> AppointmentStatus.BOOKED;
            case CANCELLED -> AppointmentStatus.CANCELLED;
        });
        appointment.addServiceType().addCoding().setSystem(CATEGORY_SYSTEM).setCode(notice.category().name());
        appointment.setStartElement(instant(Date.from(notice.surgeryOn().atTime(DAY_STARTS).atZone(PARIS).toInstant())));
        appointment.setEndElement(instant(Date.from(notice.surgeryOn().atTime(DAY_ENDS).atZone(PARIS).toInstant())));
        appointment.addParticipant()
                .setActor(new Reference().setType("Patient").setIdentifier(new Identifier()
                        .setSystem(PSEUDONYM_SYSTEM_PREFIX + notice.hospitalId())
                        .setValue(pseudonyms.of(notice.hospitalId(), notice.caseId()))))
                .setStatus(ParticipationStatus.ACCEPTED);
        appointment.addParticipant()
                .setActor(new Reference().setType("Organization")
                        .setIdentifier(new Identifier().setSystem(HOSPITAL_SYSTEM).setValue(notice.hospitalId())))
                .setStatus(notice.status() == ca.passerelle.travel.booking.FeedStatus.PROPOSED ? ParticipationStatus.NEEDSACTION
                        : ParticipationStatus.ACCEPTED);
        return appointment;
    }

    public String json(FeedNotice notice) {
        return fhir.newJsonParser().encodeResourceToString(build(notice));
    }

    private static InstantType instant(Date date) {
        return new InstantType(date, TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(PARIS));
    }
}
