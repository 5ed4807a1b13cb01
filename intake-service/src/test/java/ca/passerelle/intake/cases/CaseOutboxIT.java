package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.platform.messaging.OutboxRelay;

/** The outbox: a case opened while the relay is stopped keeps its CaseOpened in its own document, published once after. */
class CaseOutboxIT extends IntakeHttp {

    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;

    @Test
    void keepsCaseOpenedInTheDocumentWhileTheRelayIsPausedAndPublishesItExactlyOnceAfter() {
        String caseId;
        relay.pause();
        try {
            HttpResponse<String> response = postCase(aCase());
            assertThat(response.statusCode()).isEqualTo(201);
            caseId = json(response).get("caseId").asString();

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> intakeEventsFor(caseId).isEmpty());
            PatientCase pending = mongo.findById(caseId, PatientCase.class);
            assertThat(pending.pendingEvents()).hasSize(1);
            assertThat(pending.pendingEvents().get(0).type()).isEqualTo(EventCatalog.CASE_OPENED.name());
        } finally {
            relay.resume();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> intakeEventsFor(caseId).size() == 1);
        assertThat(EventCodec.read(intakeEventsFor(caseId).get(0).value()).sequence()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.findById(caseId, PatientCase.class).pendingEvents().isEmpty());
    }
}
