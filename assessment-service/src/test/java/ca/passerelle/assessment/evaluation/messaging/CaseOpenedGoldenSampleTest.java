package ca.passerelle.assessment.evaluation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.passerelle.assessment.evaluation.Assessment;
import ca.passerelle.assessment.evaluation.AssessmentStatus;
import ca.passerelle.assessment.evaluation.CareSession;
import ca.passerelle.assessment.evaluation.Imaging;
import ca.passerelle.assessment.evaluation.ScoreReport;
import ca.passerelle.assessment.evaluation.SuggestedCause;
import ca.passerelle.assessment.evaluation.ConservativeCarePolicy;
import ca.passerelle.assessment.evaluation.SpecialistDecision;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.ImagingRecorded;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlagReported;
import ca.passerelle.events.intake.SymptomsReported;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.messaging.OutboxEntry;
import tools.jackson.databind.JsonNode;

/** Consumer side reads the intake golden sample; producer side writes exactly the assessment golden samples. */
class CaseOpenedGoldenSampleTest {

    private static final Instant ASSESSED_AT = Instant.parse("2026-11-02T14:05:02Z");
    private static final Instant EVALUATED_AT = Instant.parse("2026-11-09T10:30:00Z");

    private final CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);

    private Assessment assessedSample() {
        Assessment assessment = new Assessment(sample.caseId());
        assessment.open(ClinicalPictures.from(sample), ConservativeCarePolicy.defaults(), ASSESSED_AT);
        return assessment;
    }

    @Test
    void theGoldenCaseOpenedMeetsTheDefaultPolicyAndIsVerifiedExactlyAsTheGoldenSampleSays() {
        Assessment assessment = assessedSample();

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_EVALUATION);
        assertThat(assessment.pendingEvents()).hasSize(1);
        assertMatchesGoldenSample(assessment.pendingEvents().get(0), EventCatalog.CONSERVATIVE_CARE_VERIFIED);
    }

    @Test
    void recommendingSurgeryWritesTheGoldenSurgeryRecommended() {
        Assessment assessment = assessedSample();

        assessment.evaluate(SpecialistDecision.SIMPLE_DECOMPRESSION, List.of(FbssCause.EPIDURAL_FIBROSIS, FbssCause.INADEQUATE_FIRST_SURGERY),
                "Compression radiculaire L4-L5 persistante, pas d’instabilité", "specialiste", ConservativeCarePolicy.defaults(), EVALUATED_AT);

        assertMatchesGoldenSample(assessment.pendingEvents().get(1), EventCatalog.SURGERY_RECOMMENDED);
    }

    @Test
    void decliningWritesTheGoldenSurgeryNotIndicated() {
        Assessment assessment = assessedSample();

        assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(),
                "Pas de cible chirurgicale identifiable; orientation vers la neuromodulation", "specialiste", ConservativeCarePolicy.defaults(),
                EVALUATED_AT);

        assertMatchesGoldenSample(assessment.pendingEvents().get(1), EventCatalog.SURGERY_NOT_INDICATED);
    }

    @Test
    void aRedFlagWritesTheGoldenUrgentReferralRequired() {
        CaseOpened flagged = new CaseOpened(sample.caseId(), sample.clinicId(), sample.openedAt(), sample.diagnosisCode(), sample.ageYears(),
                sample.homeRegion(), sample.preferredLanguage(), sample.priorSurgeries(), sample.symptoms(), List.of(RedFlag.CAUDA_EQUINA),
                sample.imaging(), sample.conservativeCare(), sample.consents());
        Assessment assessment = new Assessment(flagged.caseId());
        assessment.open(ClinicalPictures.from(flagged), ConservativeCarePolicy.defaults(), ASSESSED_AT);

        assertMatchesGoldenSample(assessment.pendingEvents().get(0), EventCatalog.URGENT_REFERRAL_REQUIRED);
    }

    @Test
    void decisionSupportReadsTheGoldenFindingsAndSuggestsTheGoldenCauses() {
        Assessment assessment = assessedSample();

        assertThat(assessment.suggestion().category()).isEqualTo(SurgicalCategory.SIMPLE_DECOMPRESSION);
        assertThat(assessment.suggestion().reasons()).first().asString()
                .startsWith("FORAMINAL_STENOSIS on MRI_GADOLINIUM of 2026-09-20 at L4-L5");
        assertThat(assessment.suggestion().probableCauses()).extracting(SuggestedCause::cause)
                .containsExactly(FbssCause.INADEQUATE_FIRST_SURGERY, FbssCause.EPIDURAL_FIBROSIS);
    }

    @Test
    void readsEveryGoldenIntakeSampleItConsumes() {
        ConservativeCareSessionRecorded session = GoldenSamples.payload(EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED);
        ImagingRecorded imaging = GoldenSamples.payload(EventCatalog.IMAGING_RECORDED);
        SymptomsReported symptoms = GoldenSamples.payload(EventCatalog.SYMPTOMS_REPORTED);
        RedFlagReported redFlag = GoldenSamples.payload(EventCatalog.RED_FLAG_REPORTED);
        ConsentChanged consent = GoldenSamples.payload(EventCatalog.CONSENT_CHANGED);
        CaseClosed closed = GoldenSamples.payload(EventCatalog.CASE_CLOSED);

        assertThat(ClinicalPictures.session(session)).isEqualTo(new CareSession("s-3c1d9a70-7e24-4f4b-b0c6-5a8e2f91d4b3",
                CareModality.PHYSIOTHERAPY, LocalDate.of(2026, 11, 9), true, Instant.parse("2026-11-09T15:30:00Z")));
        assertThat(ClinicalPictures.imaging(imaging.study())).isEqualTo(new Imaging("CT", LocalDate.of(2026, 11, 6),
                List.of(RadiologicalFinding.INSTABILITY, RadiologicalFinding.SPONDYLOLISTHESIS), "L4-L5"));
        assertThat(ClinicalPictures.scores(symptoms)).isEqualTo(new ScoreReport(LocalDate.of(2026, 11, 12),
                Instant.parse("2026-11-12T10:00:00Z"), 7, 46.0));
        assertThat(redFlag.redFlags()).containsExactly(RedFlag.CAUDA_EQUINA);
        assertThat(consent.stopsCrossBorder()).isTrue();
        assertThat(consent.stopsProcessing()).isFalse();
        assertThat(closed.reason()).isEqualTo(ClosureReason.PATIENT_DECLINED);
    }

    @Test
    void theGoldenIntakeStoryEndsInAnUrgentReferralAndNeverARecommendation() {
        Assessment assessment = assessedSample();
        ConservativeCarePolicy policy = ConservativeCarePolicy.defaults();
        ImagingRecorded imaging = GoldenSamples.payload(EventCatalog.IMAGING_RECORDED);
        ConsentChanged consent = GoldenSamples.payload(EventCatalog.CONSENT_CHANGED);
        RedFlagReported redFlag = GoldenSamples.payload(EventCatalog.RED_FLAG_REPORTED);

        assessment.recordSession(ClinicalPictures.session(GoldenSamples.payload(EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED)), policy,
                EVALUATED_AT);
        assessment.recordImaging(ClinicalPictures.imaging(imaging.study()), policy, imaging.recordedAt());
        assessment.recordScores(ClinicalPictures.scores(GoldenSamples.payload(EventCatalog.SYMPTOMS_REPORTED)), policy, imaging.recordedAt());
        assessment.changeConsents(consent.consents(), consent.changedAt(), policy, consent.changedAt());
        assessment.evaluate(SpecialistDecision.FUSION, List.of(FbssCause.DEGENERATIVE_PROGRESSION), "Instabilité L4-L5", "specialiste", policy,
                consent.changedAt());

        assertThat(assessment.suggestion().category()).isEqualTo(SurgicalCategory.FUSION);
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_CONSENT);

        assessment.reportRedFlags(redFlag.redFlags(), policy, redFlag.reportedAt());

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(assessment.pendingEvents()).extracting(OutboxEntry::type).containsExactly(
                EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.URGENT_REFERRAL_REQUIRED.name());
    }

    private static void assertMatchesGoldenSample(OutboxEntry entry, EventType<?> type) {
        var golden = GoldenSamples.envelope(type);
        JsonNode written = EventCodec.mapper().readTree(entry.data());
        assertThat(entry.type()).isEqualTo(type.name());
        assertThat(entry.topic()).isEqualTo(type.topic());
        assertThat(entry.subject()).isEqualTo(golden.subject());
        assertThat(entry.sequence()).isEqualTo(golden.sequence());
        assertThat(entry.time()).isEqualTo(golden.time());
        assertThat(written).isEqualTo(golden.data());
    }
}
