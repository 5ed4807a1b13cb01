package ca.passerelle.simulator.faults.web;

import ca.passerelle.simulator.faults.FaultSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** The fault switches on the wire. On PUT a missing switch means off: the body replaces all of them. */
public record FaultSettingsBody(
        @PositiveOrZero @Max(600_000) Long latencyMs,
        @DecimalMin("0.0") @DecimalMax("1.0") Double errorRate,
        Boolean outage,
        Boolean malformedBodies,
        @PositiveOrZero @Max(60_000) Long slowDripMs) {

    static FaultSettingsBody from(FaultSettings settings) {
        return new FaultSettingsBody(settings.latencyMs(), settings.errorRate(), settings.outage(),
                settings.malformedBodies(), settings.slowDripMs());
    }

    FaultSettings toSettings() {
        return new FaultSettings(latencyMs == null ? 0 : latencyMs, errorRate == null ? 0.0 : errorRate,
                Boolean.TRUE.equals(outage), Boolean.TRUE.equals(malformedBodies), slowDripMs == null ? 0 : slowDripMs);
    }

}
