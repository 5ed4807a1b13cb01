package ca.passerelle.gateway.facility.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import ca.passerelle.gateway.facility.Facility;
import ca.passerelle.gateway.facility.Hold;
import ca.passerelle.gateway.facility.Slot;

class UpstreamContractTest {

    private static final String FACILITY = """
            {"id":"fr-lyon-chu-01","name":"CHU de Lyon","kind":"SURGICAL_HOSPITAL","country":"FR","region":"FR-ARA","city":"Lyon",
             "categories":["FUSION"],"languages":["fr","en"],"accreditation":"HAS-A"}""";
    private static final String SLOT = """
            {"slotId":"fr-lyon-chu-01-20261201-1","facilityId":"fr-lyon-chu-01","date":"2026-12-01","status":"AVAILABLE"}""";
    private static final String HOLD = """
            {"holdId":"h-1","slotId":"fr-lyon-chu-01-20261201-1","facilityId":"fr-lyon-chu-01","date":"2026-12-01","status":"HELD",
             "reference":"c-1","expiresAt":"2026-11-28T17:00:00Z"}""";

    @Test
    void readsAnswersWithinTheContractIgnoringUnknownFields() {
        List<Facility> facilities = UpstreamContract.facilities(bytes("[" + FACILITY + "]"));
        List<Slot> slots = UpstreamContract.slots(bytes("[" + SLOT + "]"), "fr-lyon-chu-01");
        Hold hold = UpstreamContract.hold(bytes(HOLD), "HELD");

        assertThat(facilities).containsExactly(new Facility("fr-lyon-chu-01", "CHU de Lyon", "SURGICAL_HOSPITAL", "FR", "FR-ARA", "Lyon",
                List.of("FUSION"), List.of("fr", "en")));
        assertThat(slots).containsExactly(new Slot("fr-lyon-chu-01-20261201-1", "fr-lyon-chu-01", LocalDate.of(2026, 12, 1), "AVAILABLE"));
        assertThat(hold.expiresAt()).isEqualTo(Instant.parse("2026-11-28T17:00:00Z"));
        assertThat(UpstreamContract.facilities(bytes("[]"))).isEmpty();
    }

    @Test
    void acceptsAConfirmedHoldWithoutExpiry() {
        Hold confirmed = UpstreamContract.hold(bytes(HOLD.replace("\"HELD\"", "\"CONFIRMED\"").replace("\"2026-11-28T17:00:00Z\"", "null")),
                "CONFIRMED");

        assertThat(confirmed.status()).isEqualTo("CONFIRMED");
        assertThat(confirmed.expiresAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[{\"id\":\"fr-lyon-chu-01\",\"name\":\"CHU de Ly<garbled by facility-api-simulator>",
            "[] trailing",
            "{\"id\":\"not-an-array\"}",
            "[{\"name\":\"no id\",\"kind\":\"SURGICAL_HOSPITAL\",\"country\":\"FR\"}]",
            "[{\"id\":42,\"name\":\"numeric id\",\"kind\":\"SURGICAL_HOSPITAL\",\"country\":\"FR\"}]",
            "[{\"id\":\"a b\",\"name\":\"spaced id\",\"kind\":\"SURGICAL_HOSPITAL\",\"country\":\"FR\"}]",
            "[{\"id\":\"x\",\"name\":\"n\",\"kind\":\"SURGICAL_HOSPITAL\",\"country\":\"FR\",\"categories\":\"FUSION\"}]",
            "[{\"id\":\"x\",\"name\":\"n\",\"kind\":\"SURGICAL_HOSPITAL\",\"country\":\"FR\",\"languages\":[1]}]",
            "[{\"id\":\"x\",\"id\":\"y\",\"name\":\"n\",\"kind\":\"SURGICAL_HOSPITAL\",\"country\":\"FR\"}]",
            "[\"x\"]"})
    void refusesFacilitiesOutsideTheContract(String body) {
        assertThatThrownBy(() -> UpstreamContract.facilities(bytes(body))).isInstanceOf(UpstreamContract.Violation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"slotId\":\"s-1\",\"facilityId\":\"fr-lyon-chu-01\",\"date\":\"2026-12-01\",\"status\":\"GONE\"}",
            "{\"slotId\":\"s-1\",\"facilityId\":\"fr-lyon-chu-01\",\"date\":\"01/12/2026\",\"status\":\"AVAILABLE\"}",
            "{\"slotId\":\"s-1\",\"facilityId\":\"fr-lyon-chu-01\",\"date\":20261201,\"status\":\"AVAILABLE\"}",
            "{\"slotId\":\"s-1\",\"facilityId\":\"fr-paris-clinique-01\",\"date\":\"2026-12-01\",\"status\":\"AVAILABLE\"}",
            "{\"facilityId\":\"fr-lyon-chu-01\",\"date\":\"2026-12-01\",\"status\":\"AVAILABLE\"}",
            "{\"slotId\":\"s-1\",\"facilityId\":\"fr-lyon-chu-01\",\"date\":\"2026-12-01\"}"})
    void refusesSlotsOutsideTheContract(String slot) {
        assertThatThrownBy(() -> UpstreamContract.slots(bytes("[" + SLOT + "," + slot + "]"), "fr-lyon-chu-01"))
                .isInstanceOf(UpstreamContract.Violation.class)
                .hasMessageStartingWith("slots[1]");
    }

    @Test
    void refusesHoldsOutsideTheContract() {
        assertThatThrownBy(() -> UpstreamContract.hold(bytes(HOLD), "CONFIRMED")).isInstanceOf(UpstreamContract.Violation.class);
        assertThatThrownBy(() -> UpstreamContract.hold(bytes(HOLD.replace("\"HELD\"", "\"PENDING\"")), "HELD"))
                .isInstanceOf(UpstreamContract.Violation.class);
        assertThatThrownBy(() -> UpstreamContract.hold(bytes(HOLD.replace("\"2026-11-28T17:00:00Z\"", "\"tomorrow\"")), "HELD"))
                .isInstanceOf(UpstreamContract.Violation.class);
        assertThatThrownBy(() -> UpstreamContract.hold(bytes(HOLD.replace("\"2026-11-28T17:00:00Z\"", "null")), "HELD"))
                .isInstanceOf(UpstreamContract.Violation.class);
        assertThatThrownBy(() -> UpstreamContract.hold(bytes(HOLD.replace("\"holdId\":\"h-1\",", "")), "HELD"))
                .isInstanceOf(UpstreamContract.Violation.class);
    }

    @Test
    void quotesOnlyAShortPieceOfAnUntrustedValue() {
        String longStatus = "X".repeat(500);

        assertThatThrownBy(() -> UpstreamContract.slots(bytes("[" + SLOT.replace("AVAILABLE", longStatus) + "]"), "fr-lyon-chu-01"))
                .hasMessageContaining("slots[0].status")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
