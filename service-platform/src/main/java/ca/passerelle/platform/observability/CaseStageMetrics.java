package ca.passerelle.platform.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How a service records a case moving through the pathway's stages, for the funnel and time-in-stage panels:
 * <ul>
 * <li>{@code passerelle.case.stage.entered{stage}} counter: a case entered the stage;</li>
 * <li>{@code passerelle.case.stage.duration{stage}} timer with histogram buckets: a case left the stage after that long
 * (its {@code _count} is the number of cases that left it);</li>
 * <li>{@code passerelle.case.sla.breaches{stage}} counter: a case stayed in the stage longer than its service-level target.</li>
 * </ul>
 * The only tag is the stage: a short lower-case name ({@code intake}, {@code assessment}, {@code surgery-scheduling}),
 * never an id. A stage with digits or of another shape is refused, so that no case id can become a tag value.
 */
public class CaseStageMetrics {

    private static final Pattern STAGE = Pattern.compile("[a-z]+([-.][a-z]+){0,4}");
    private static final int MAX_STAGE_LENGTH = 40;

    private final MeterRegistry meters;

    public CaseStageMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A case entered {@code stage}. */
    public void entered(String stage) {
        Counter.builder("passerelle.case.stage.entered").description("Cases that entered a pathway stage").tag("stage", checked(stage)).register(meters).increment();
    }

    /** A case left {@code stage} after {@code timeInStage}. */
    public void left(String stage, Duration timeInStage) {
        if (timeInStage == null || timeInStage.isNegative()) {
            throw new IllegalArgumentException("time in stage must be zero or positive");
        }
        Timer.builder("passerelle.case.stage.duration").description("Time cases spent in a pathway stage, recorded when they leave it")
                .tag("stage", checked(stage))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(365))
                .register(meters).record(timeInStage);
    }

    /** A case that entered {@code stage} at {@code enteredAt} left it at {@code leftAt}. */
    public void left(String stage, Instant enteredAt, Instant leftAt) {
        left(stage, Duration.between(enteredAt, leftAt));
    }

    /** A case stayed in {@code stage} longer than the stage's service-level target. */
    public void slaBreached(String stage) {
        Counter.builder("passerelle.case.sla.breaches").description("Cases that stayed in a pathway stage longer than its target")
                .tag("stage", checked(stage)).register(meters).increment();
    }

    /** The same for a stage enum: {@code SURGERY_SCHEDULING} is tagged {@code surgery-scheduling}. */
    public void entered(Enum<?> stage) {
        entered(name(stage));
    }

    public void left(Enum<?> stage, Duration timeInStage) {
        left(name(stage), timeInStage);
    }

    public void slaBreached(Enum<?> stage) {
        slaBreached(name(stage));
    }

    private static String name(Enum<?> stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String checked(String stage) {
        if (stage == null || stage.length() > MAX_STAGE_LENGTH || !STAGE.matcher(stage).matches()) {
            throw new IllegalArgumentException("a stage is a short lower-case name without digits, never an id");
        }
        return stage;
    }
}
