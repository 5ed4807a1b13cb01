package ca.passerelle.simulator.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import ca.passerelle.simulator.SimulatorClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "simulator.holds.time-to-live=1s",
        "simulator.holds.sweep-interval=100ms" })
class HoldExpiryIT {

    private static final String MONTPELLIER = "fr-montpellier-clinique-01";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ScheduledTaskHolder scheduler;

    @Test
    void schedulesTheSweepAtTheConfiguredInterval() {
        assertThat(scheduler.getScheduledTasks())
                .extracting(scheduled -> scheduled.getTask())
                .filteredOn(FixedDelayTask.class::isInstance)
                .extracting(task -> ((FixedDelayTask) task).getIntervalDuration())
                .contains(Duration.ofMillis(100));
    }

    @Test
    void releasesTheSlotOfAHoldLeftUnconfirmed() {
        SimulatorClient api = new SimulatorClient(port, json);
        String slotId = api.availableSlot(MONTPELLIER);
        String holdId = api.json(api.post("/v1/holds", "{\"slotId\":\"" + slotId + "\",\"reference\":\"case-expiry\"}"))
                .get("holdId").asString();
        assertThat(api.slotStatus(MONTPELLIER, slotId)).isEqualTo("HELD");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.json(api.get("/v1/holds/" + holdId)).get("status").asString()).isEqualTo("EXPIRED"));

        assertThat(api.slotStatus(MONTPELLIER, slotId)).isEqualTo("AVAILABLE");
        assertThat(api.get("/v1/holds?status=HELD").body()).doesNotContain(holdId);
    }

}
