package ca.passerelle.assessment.evaluation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.passerelle.assessment.evaluation.Assessment;
import ca.passerelle.assessment.evaluation.AssessmentStatus;
import ca.passerelle.assessment.evaluation.ConservativeCarePolicy;
import ca.passerelle.assessment.evaluation.SpecialistDecision;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.intake.CaseOpened;
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
                "Compression radiculaire L4-L5 persistante, pas d’instabilité", "specialiste", EVALUATED_AT);

        assertMatchesGoldenSample(assessment.pendingEvents().get(1), EventCatalog.SURGERY_RECOMMENDED);
    }

    @Test
    void decliningWritesTheGoldenSurgeryNotIndicated() {
        Assessment assessment = assessedSample();

        assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(),
                "Pas de cible chirurgicale identifiable; orientation vers la neuromodulation", "specialiste", EVALUATED_AT);

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
