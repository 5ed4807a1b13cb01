package ca.passerelle.intake.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.CaseRequests;
import ca.passerelle.intake.cases.PatientCase;
import ca.passerelle.platform.messaging.OutboxEntry;

/** The producer's side of the contract: the request equivalent to the golden sample yields exactly its payload. */
class CaseOpenedGoldenSampleTest {

    private final EventEnvelope golden = GoldenSamples.envelope(EventCatalog.CASE_OPENED);

    @Test
    void theGoldenRequestRaisesTheGoldenCaseOpened() {
        OpenCaseRequest request = CaseRequests.JSON.treeToValue(CaseRequests.golden(), OpenCaseRequest.class);
        Clock openedAt = Clock.fixed(golden.time(), ZoneOffset.UTC);

        PatientCase opened = PatientCase.open(new CaseId(golden.subject()), request.toNewCase(), null, openedAt);

        assertThat(opened.pendingEvents()).hasSize(1);
        OutboxEntry entry = opened.pendingEvents().get(0);
        assertThat(entry.type()).isEqualTo(golden.type());
        assertThat(entry.topic()).isEqualTo(EventCatalog.CASE_OPENED.topic());
        assertThat(entry.subject()).isEqualTo(golden.subject());
        assertThat(entry.sequence()).isEqualTo(golden.sequence());
        assertThat(entry.time()).isEqualTo(golden.time());
        assertThat(EventCodec.mapper().readTree(entry.data())).isEqualTo(golden.data());
        assertThat(EventCodec.mapper().readValue(entry.data(), CaseOpened.class))
                .isEqualTo(GoldenSamples.payload(EventCatalog.CASE_OPENED));
    }
}
