package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.SessionResponse;
import ca.passerelle.platform.messaging.OutboxEntry;

/** The domain side of case updates: each appends its state, its history entry and its event; withdrawal and closure stop them. */
class CaseUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final UpdateContext BY_CLINIC = new UpdateContext("clinic-qc-laval-01", null, NOW);
    private static final Consent WITHDRAWN = new Consent(false, NOW, ConsentMethod.VERBAL, "2026-02");
    private static final Consent GIVEN = new Consent(true, NOW, ConsentMethod.WRITTEN, "2026-02");

    private final PatientCase patientCase = PatientCase.open(CaseId.random(), NewCases.aSubmission(), null,
            Clock.fixed(Instant.parse("2026-11-02T14:05:00Z"), ZoneOffset.UTC));

    @Test
    void recordsASessionWithItsProviderSealedAwayFromTheEvent() {
        CaseUpdate update = patientCase.recordSession(CareModality.MANUAL_THERAPY, LocalDate.of(2026, 11, 18), 30, "Dr Jean Lapointe", true,
                null, BY_CLINIC);

        assertThat(update.kind()).isEqualTo(UpdateKind.CONSERVATIVE_CARE_SESSION);
        assertThat(patientCase.conservativeCareSessions()).singleElement()
                .satisfies(session -> assertThat(session.provider()).isEqualTo("Dr Jean Lapointe"));
        OutboxEntry entry = patientCase.pendingEvents().get(1);
        assertThat(entry.type()).isEqualTo(EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED.name());
        assertThat(entry.data()).doesNotContain("Lapointe");
        ConservativeCareSessionRecorded event = EventCodec.mapper().readValue(entry.data(), ConservativeCareSessionRecorded.class);
        assertThat(event.sessionId()).isEqualTo(update.resourceId());
        assertThat(event.response()).isEqualTo(SessionResponse.NOT_ASSESSED);
        assertThat(entry.sequence()).isEqualTo(2);
    }

    @Test
    void scoresReportedSymptomsAndMakesThemTheCurrentPicture() {
        patientCase.reportSymptoms(LocalDate.of(2026, 11, 19), 4, java.util.Arrays.asList(1, 1, 1, 1, 1, 1, 1, 1, 1, null), BY_CLINIC);

        assertThat(patientCase.symptoms().painNrs()).isEqualTo(4);
        assertThat(patientCase.symptoms().odiPercent()).isEqualTo(20.0);
        assertThat(patientCase.symptomReports()).hasSize(1);
    }

    @Test
    void keepsEachRedFlagOnceAndPublishesOnlyCodesForImaging() {
        patientCase.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA, RedFlag.CAUDA_EQUINA), BY_CLINIC);
        patientCase.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA, RedFlag.SUSPECTED_FRACTURE), BY_CLINIC);
        patientCase.recordImaging(new ImagingStudy("CT", LocalDate.of(2026, 11, 1), List.of(RadiologicalFinding.PSEUDARTHROSIS), "L4-L5",
                "Pseudarthrose évidente selon Dr Roy"), BY_CLINIC);

        assertThat(patientCase.redFlags()).containsExactly(RedFlag.CAUDA_EQUINA, RedFlag.SUSPECTED_FRACTURE);
        assertThat(patientCase.pendingEvents().get(3).data()).contains("PSEUDARTHROSIS").doesNotContain("Roy", "évidente");
        assertThat(patientCase.history()).hasSize(3);
    }

    @Test
    void refusesClinicalUpdatesOnceCareCoordinationIsWithdrawnButAcceptsANewConsent() {
        patientCase.changeConsent(ConsentPurpose.CARE_COORDINATION, WITHDRAWN, BY_CLINIC);
        ConsentChanged withdrawal = EventCodec.mapper().readValue(patientCase.pendingEvents().get(1).data(), ConsentChanged.class);
        assertThat(withdrawal.stopsProcessing()).isTrue();

        assertThatThrownBy(() -> patientCase.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA), BY_CLINIC))
                .isInstanceOf(ConsentWithdrawnException.class);
        int events = patientCase.pendingEvents().size();

        patientCase.changeConsent(ConsentPurpose.CARE_COORDINATION, GIVEN, BY_CLINIC);
        patientCase.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA), BY_CLINIC);
        assertThat(patientCase.pendingEvents()).hasSize(events + 2);
        assertThat(patientCase.consents().careCoordination()).isEqualTo(GIVEN);
    }

    @Test
    void closesOnceAndThenRefusesEverything() {
        patientCase.close(ClosureReason.REFERRED_ELSEWHERE, BY_CLINIC);

        assertThat(patientCase.status()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> patientCase.close(ClosureReason.OTHER, BY_CLINIC)).isInstanceOf(CaseClosedException.class);
        assertThatThrownBy(() -> patientCase.changeConsent(ConsentPurpose.RESEARCH, GIVEN, BY_CLINIC))
                .isInstanceOf(CaseClosedException.class);
        assertThat(patientCase.pendingEvents()).extracting(OutboxEntry::type).containsExactly(EventCatalog.CASE_OPENED.name(),
                EventCatalog.CASE_CLOSED.name());
    }

    @Test
    void remembersTheKeyOfAnUpdateAndTellsARetryFromAnotherRequest() {
        UpdateKey key = new UpdateKey("k-1", "fingerprint-1");
        patientCase.reportRedFlags(List.of(RedFlag.OTHER), new UpdateContext("coordonnatrice", key, NOW));

        CaseUpdate earlier = patientCase.updateWithKey("k-1").orElseThrow();
        assertThat(earlier.answers(key)).isTrue();
        assertThat(earlier.answers(new UpdateKey("k-1", "fingerprint-2"))).isFalse();
        assertThat(patientCase.updateWithKey("k-2")).isEmpty();
    }

    @Test
    void detectsDocumentTypesFromTheirFirstBytesOnly() {
        assertThat(DetectedMediaType.of("%PDF-1.4".getBytes())).contains(DetectedMediaType.PDF);
        assertThat(DetectedMediaType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(DetectedMediaType.JPEG);
        assertThat(DetectedMediaType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(DetectedMediaType.PNG);
        assertThat(DetectedMediaType.of("GIF89a".getBytes())).isEmpty();
        assertThat(DetectedMediaType.of("%PD".getBytes())).isEmpty();
        assertThat(DetectedMediaType.of(new byte[0])).isEmpty();
    }
}
