package ca.passerelle.dashboard.cases;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * How long a case may stay in each stage ({@code passerelle.dashboard.sla.*}). A stage without a limit (scheduled surgery,
 * rehabilitation, closed) has no SLA. Defaults: {@link #DEFAULT_LIMITS}; a configured map replaces only the stages it
 * names, and a zero or negative duration removes a stage's limit.
 *
 * @param limits the limit per stage, e.g. {@code passerelle.dashboard.sla.limits.awaiting-evaluation=14d}
 * @param atRiskShare past this share of its limit a case is {@link SlaState#AT_RISK}
 */
@Validated
@ConfigurationProperties("passerelle.dashboard.sla")
public record SlaProperties(Map<Stage, Duration> limits,
        @DecimalMin("0.1") @DecimalMax("1.0") @DefaultValue("0.75") double atRiskShare) {

    /** The defaults, in days: intake 2, triage 2, back in conservative care 90, awaiting evaluation 14, scheduling 7,
     * awaiting hospital choice 3, awaiting hospital confirmation 2. */
    public static final Map<Stage, Duration> DEFAULT_LIMITS = Map.of(
            Stage.INTAKE, Duration.ofDays(2),
            Stage.TRIAGE, Duration.ofDays(2),
            Stage.CONSERVATIVE_CARE, Duration.ofDays(90),
            Stage.AWAITING_EVALUATION, Duration.ofDays(14),
            Stage.SURGERY_SCHEDULING, Duration.ofDays(7),
            Stage.AWAITING_HOSPITAL_CHOICE, Duration.ofDays(3),
            Stage.AWAITING_HOSPITAL_CONFIRMATION, Duration.ofDays(2));

    public SlaProperties {
        Map<Stage, Duration> merged = new EnumMap<>(Stage.class);
        merged.putAll(DEFAULT_LIMITS);
        if (limits != null) {
            merged.putAll(limits);
        }
        merged.entrySet().removeIf(limit -> limit.getValue() == null || limit.getValue().isZero() || limit.getValue().isNegative()
                || limit.getKey() == Stage.CLOSED);
        limits = Map.copyOf(merged);
    }

    /** The defaults. */
    public static SlaProperties defaults() {
        return new SlaProperties(null, 0.75);
    }
}
