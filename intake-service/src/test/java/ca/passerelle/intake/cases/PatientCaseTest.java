package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ca.passerelle.intake.cases.NewCases.consents;
import static ca.passerelle.intake.cases.NewCases.marie;
import static ca.passerelle.intake.cases.NewCases.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.platform.messaging.OutboxEntry;
import ca.passerelle.platform.web.RuleViolationException;

class PatientCaseTest {

    private static final Instant NOW = Instant.parse("2026-11-02T14:05:00Z");
    private static final CaseId ID = new CaseId("c-00000000-0000-4000-8000-000000000001");
    private static final Consent GRANTED = NewCases.GRANTED;

    @Test
    void countsAgeInCompletedYears() {
        Patient marie = marie("TREM 7453 1217");

        assertThat(marie.ageOn(LocalDate.of(2026, 3, 11))).isEqualTo(51);
        assertThat(marie.ageOn(LocalDate.of(2026, 3, 12))).isEqualTo(52);
        assertThat(marie.ageOn(LocalDate.of(2026, 11, 2))).isEqualTo(52);
    }

    @Test
    void countsAgeOnTheQuebecDateNotTheUtcOne() {
        Clock lateEveningInQuebec = Clock.fixed(Instant.parse("2026-03-12T03:00:00Z"), ZoneOffset.UTC);

        PatientCase opened = PatientCase.open(ID, submission(marie("TREM 7453 1217"), consents(GRANTED)), null, lateEveningInQuebec);

        assertThat(caseOpened(opened).ageYears()).isEqualTo(51);
    }

    @Test
    void opensTheCaseAndRaisesOneCaseOpenedWithoutDirectIdentifiers() {
        PatientCase opened = PatientCase.open(ID, submission(marie("trem 7453 1217"), consents(GRANTED)), null, clock());

        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.patient().ramqNumber()).isEqualTo("TREM74531217");
        assertThat(opened.symptoms().odiPercent()).isEqualTo(48.0);
        assertThat(opened.symptoms().odiBand()).isEqualTo(OdiBand.SEVERE);
        assertThat(opened.ramqWarnings()).isEmpty();
        assertThat(opened.pendingEvents()).hasSize(1);
        OutboxEntry entry = opened.pendingEvents().get(0);
        assertThat(entry.type()).isEqualTo(EventCatalog.CASE_OPENED.name());
        assertThat(entry.subject()).isEqualTo(ID.value());
        assertThat(entry.data()).doesNotContain("Tremblay", "Marie", "TREM", "1974", "450-555", "example.org", "Discectomie", "Fibrose");
    }

    @Test
    void keepsRamqWarningsWithoutRefusingTheCase() {
        PatientCase opened = PatientCase.open(ID, submission(marie("GAGM 7453 1310"), consents(GRANTED)), null, clock());

        assertThat(opened.ramqWarnings()).containsExactly(RamqWarning.BIRTH_DATE_MISMATCH, RamqWarning.FAMILY_NAME_MISMATCH);
    }

    @Test
    void rejectsCaseWithoutCareCoordinationConsent() {
        Consent refused = new Consent(false, NOW, ConsentMethod.WRITTEN, "2026-01");

        for (Consents consents : new Consents[] {null, consents(null), consents(refused)}) {
            assertThatThrownBy(() -> PatientCase.open(ID, submission(marie("TREM 7453 1217"), consents), null, clock()))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.rule()).isEqualTo("care-coordination-consent-required"));
        }
    }

    @Test
    void rejectsAnInvalidRamqNumber() {
        assertThatThrownBy(() -> PatientCase.open(ID, submission(marie("TREM 7413 1214"), consents(GRANTED)), null, clock()))
                .isInstanceOf(InvalidRamqNumberException.class);
    }

    @Test
    void remembersTheIdempotencyKeyAndTheRequestItCameWith() {
        IdempotencyKey key = new IdempotencyKey("retry-me", "fingerprint-1");

        PatientCase opened = PatientCase.open(ID, submission(marie("TREM 7453 1217"), consents(GRANTED)), key, clock());

        assertThat(opened.wasOpenedBy(key)).isTrue();
        assertThat(opened.wasOpenedBy(new IdempotencyKey("retry-me", "fingerprint-2"))).isFalse();
    }

    private static CaseOpened caseOpened(PatientCase opened) {
        return EventCodec.mapper().readValue(opened.pendingEvents().get(0).data(), CaseOpened.class);
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
