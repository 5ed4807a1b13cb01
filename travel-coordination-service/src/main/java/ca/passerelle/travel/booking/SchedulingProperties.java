package ca.passerelle.travel.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import ca.passerelle.events.assessment.SurgicalCategory;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Surgery-scheduling policy.
 *
 * @param tick pause between two passes of the saga driver
 * @param autoPick take the best option at once instead of waiting for the coordinator's choice
 * @param minLeadDays earliest surgery date, in days from today (time for the pre-op file and the travel)
 * @param searchHorizonDays latest surgery date searched, in days from today
 * @param maxOptions how many ranked options a booking keeps
 * @param preOpDaysBefore days between the pre-op consultation in the hospital and the surgery
 * @param fitToFlyDays days after surgery before the patient may fly home, per category (missing ones take the defaults)
 * @param retryInitial wait before retrying a step after a facility-gateway failure; doubles with each failure
 * @param retryMax cap of that wait
 * @param stepLease how long a driver owns a booking's step before another pass may take it over (a crashed driver)
 * @param batchSize bookings advanced per pass
 */
@Validated
@ConfigurationProperties("passerelle.travel.scheduling")
public record SchedulingProperties(
        @NotNull @DefaultValue("1s") Duration tick,
        @DefaultValue("true") boolean autoPick,
        @Min(0) @DefaultValue("21") int minLeadDays,
        @Min(1) @DefaultValue("120") int searchHorizonDays,
        @Min(1) @Max(20) @DefaultValue("5") int maxOptions,
        @Min(0) @DefaultValue("2") int preOpDaysBefore,
        Map<SurgicalCategory, @NotNull @Min(0) Integer> fitToFlyDays,
        @NotNull @DefaultValue("2s") Duration retryInitial,
        @NotNull @DefaultValue("5m") Duration retryMax,
        @NotNull @DefaultValue("30s") Duration stepLease,
        @Min(1) @DefaultValue("50") int batchSize) {

    /** Conservative defaults, longer for the more invasive procedures; clinicians tune them per hospital later. */
    static final Map<SurgicalCategory, Integer> DEFAULT_FIT_TO_FLY_DAYS = Map.of(
            SurgicalCategory.SIMPLE_DECOMPRESSION, 10,
            SurgicalCategory.MOTION_PRESERVATION, 12,
            SurgicalCategory.FUSION, 14);

    public SchedulingProperties {
        Map<SurgicalCategory, Integer> merged = new EnumMap<>(DEFAULT_FIT_TO_FLY_DAYS);
        if (fitToFlyDays != null) {
            merged.putAll(fitToFlyDays);
        }
        fitToFlyDays = Map.copyOf(merged);
    }

    @AssertTrue(message = "searchHorizonDays must be after minLeadDays")
    public boolean isSearchWindowOpen() {
        return searchHorizonDays > minLeadDays;
    }

    @AssertTrue(message = "retryMax must not be shorter than retryInitial")
    public boolean isRetryCapAboveInitial() {
        return retryInitial == null || retryMax == null || retryMax.compareTo(retryInitial) >= 0;
    }

    public LocalDate searchFrom(LocalDate today) {
        return today.plusDays(minLeadDays);
    }

    public LocalDate searchTo(LocalDate today) {
        return today.plusDays(searchHorizonDays);
    }

    public LocalDate preOpConsultationOn(LocalDate surgeryOn) {
        return surgeryOn.minusDays(preOpDaysBefore);
    }

    public LocalDate fitToFlyOn(SurgicalCategory category, LocalDate surgeryOn) {
        return surgeryOn.plusDays(fitToFlyDays.get(category));
    }

    /** Wait before the next try after {@code failures} consecutive failures: doubling from retryInitial, capped at retryMax. */
    public Duration backOff(int failures) {
        Duration wait = retryInitial;
        for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
