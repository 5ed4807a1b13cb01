package ca.passerelle.intake.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.SpineProcedure;
import ca.passerelle.intake.cases.Consent;
import ca.passerelle.intake.cases.ConsentMethod;
import ca.passerelle.intake.cases.Consents;
import ca.passerelle.intake.cases.ConservativeCareCourse;
import ca.passerelle.intake.cases.Diagnosis;
import ca.passerelle.intake.cases.ImagingStudy;
import ca.passerelle.intake.cases.NewCase;
import ca.passerelle.intake.cases.Patient;
import ca.passerelle.intake.cases.PriorSurgery;
import ca.passerelle.intake.cases.Sex;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/cases}. The referring clinic of a clinic caller is the one of its token ({@code referringClinicId} may
 * be left out; if given it must be the same, else 422); a coordinator opens on behalf of a clinic and must name it (400
 * otherwise, checked with the {@link OnBehalfOfClinic} group). Consent to care coordination is checked by the domain (422),
 * not here (400). Prior surgeries and imaging are coded (what is published); the operative note and the findings summary
 * are the clinic's free text, sealed at rest and never published.
 */
public record OpenCaseRequest(
        @NotBlank(groups = OnBehalfOfClinic.class) @Size(max = 100) String referringClinicId,
        @NotNull @Valid PatientRequest patient,
        @NotNull @Valid DiagnosisRequest diagnosis,
        @Size(max = 50) List<@NotNull @Valid PriorSurgeryRequest> priorSurgeries,
        @NotNull @Valid SymptomsRequest symptoms,
        @Size(max = 20) List<@NotNull RedFlag> redFlags,
        @Size(max = 50) List<@NotNull @Valid ImagingRequest> imaging,
        @Size(max = 50) List<@NotNull @Valid ConservativeCareRequest> conservativeCare,
        @Valid ConsentsRequest consents) implements IntakeCommand {

    public record PatientRequest(
            @NotBlank @Size(max = 100) String familyNameAtBirth,
            @NotBlank @Size(max = 100) String firstName,
            @NotNull @Past @PlausibleDate LocalDate dateOfBirth,
            @NotNull Sex sex,
            @NotBlank @Size(max = 20) @ValidRamqNumber String ramqNumber,
            @Size(max = 30) String phone,
            @Email @Size(max = 200) String email,
            @NotBlank @Pattern(regexp = "fr|en", message = "must be fr or en") String preferredLanguage,
            @NotBlank @Pattern(regexp = "QC-(0[1-9]|1[0-7])", message = "must be a Québec region, QC-01 to QC-17") String homeRegion) {
    }

    public record DiagnosisRequest(
            @NotBlank @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?", message = "must be an ICD-10 code such as M96.1") String icd10Code,
            @Size(max = 500) String description) {
    }

    public record PriorSurgeryRequest(@NotNull @PlausibleDate LocalDate performedOn, @NotNull SpineProcedure procedure,
            @Size(max = 50) @Pattern(regexp = LEVELS, message = LEVELS_MESSAGE) String levels,
            @Size(max = 4000) String operativeNote) {

        PriorSurgery toPriorSurgery() {
            return new PriorSurgery(performedOn, procedure, levels, operativeNote);
        }
    }

    /** Spinal levels such as {@code L4-L5}, {@code L5-S1} or {@code L3-L4,L4-L5}: codes only, no free text. */
    static final String LEVELS = "(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5])(-(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]))?"
            + "(,(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5])(-(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]))?)*";
    static final String LEVELS_MESSAGE = "must be spinal levels such as L4-L5 or L4-L5,L5-S1";

    public record SymptomsRequest(
            @NotNull @Min(0) @Max(10) Integer painNrs,
            @Size(min = 10, max = 10, message = "must hold the 10 ODI section scores") List<@Min(0) @Max(5) Integer> odiSectionScores) {

        @JsonIgnore
        @AssertTrue(message = "at most one ODI section may be unanswered")
        public boolean isOdiSectionScoresAnswered() {
            return odiSectionScores == null || odiSectionScores.stream().filter(Objects::isNull).count() <= 1;
        }
    }

    /** An imaging study, at opening or posted later on its own ({@code POST /api/cases/{caseId}/imaging}). */
    public record ImagingRequest(
            @NotBlank @Pattern(regexp = "MRI_GADOLINIUM|MRI|CT|XRAY", message = "must be MRI_GADOLINIUM, MRI, CT or XRAY") String modality,
            @NotNull @PlausibleDate LocalDate performedOn,
            @Size(max = 30) List<@NotNull RadiologicalFinding> findings,
            @Size(max = 50) @Pattern(regexp = LEVELS, message = LEVELS_MESSAGE) String levels,
            @Size(max = 4000) String findingsSummary) implements IntakeCommand {

        ImagingStudy toStudy() {
            return new ImagingStudy(modality, performedOn, findings, levels, findingsSummary);
        }
    }

    public record ConservativeCareRequest(@NotNull CareModality modality, @NotNull @PlausibleDate LocalDate startedOn, @NotNull @PlausibleDate LocalDate endedOn,
            @NotNull @PositiveOrZero Integer sessions, @NotNull Boolean supervised) {

        @JsonIgnore
        @AssertTrue(message = "must not be before startedOn")
        public boolean isEndedOnNotBeforeStart() {
            return startedOn == null || endedOn == null || !endedOn.isBefore(startedOn);
        }
    }

    public record ConsentsRequest(@Valid ConsentRequest careCoordination, @Valid ConsentRequest crossBorderCommunication,
            @Valid ConsentRequest research) {
    }

    public record ConsentRequest(@NotNull Boolean granted, @NotNull @PlausibleDate Instant recordedAt, @NotNull ConsentMethod method,
            @NotBlank @Size(max = 50) String textVersion) {
    }

    /** The checks that apply when a coordinator opens a case on behalf of a clinic. */
    public interface OnBehalfOfClinic {
    }

    /** The same request, naming the referring clinic it is opened for (what is fingerprinted for idempotency). */
    OpenCaseRequest forClinic(String clinicId) {
        return new OpenCaseRequest(clinicId, patient, diagnosis, priorSurgeries, symptoms, redFlags, imaging, conservativeCare, consents);
    }

    NewCase toNewCase() {
        PatientRequest p = patient;
        return new NewCase(referringClinicId,
                new Patient(p.familyNameAtBirth(), p.firstName(), p.dateOfBirth(), p.sex(), p.ramqNumber(), p.phone(), p.email(),
                        p.preferredLanguage(), p.homeRegion()),
                new Diagnosis(diagnosis.icd10Code(), diagnosis.description()),
                priorSurgeries == null ? null
                        : priorSurgeries.stream().map(PriorSurgeryRequest::toPriorSurgery).toList(),
                symptoms.painNrs(), symptoms.odiSectionScores(), redFlags,
                imaging == null ? null
                        : imaging.stream().map(ImagingRequest::toStudy).toList(),
                conservativeCare == null ? null
                        : conservativeCare.stream().map(c -> new ConservativeCareCourse(c.modality(), c.startedOn(), c.endedOn(),
                                c.sessions(), c.supervised())).toList(),
                consents == null ? null
                        : new Consents(consent(consents.careCoordination()), consent(consents.crossBorderCommunication()),
                                consent(consents.research())));
    }

    private static Consent consent(ConsentRequest request) {
        return request == null ? null : new Consent(request.granted(), request.recordedAt(), request.method(), request.textVersion());
    }
}
