package ca.passerelle.platform.health;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code passerelle.consumers.stopped} ({@code passerelle_consumers_stopped}), tag {@code binding}: 1 while that consumer
 * binding is stopped (its handler threw an {@code Error}, or its listener container died; see {@link ConsumerBindings}),
 * else 0. One series per consumer binding of the service (a handful, fixed by its configuration), registered once the
 * application is ready. Alert on {@code max(passerelle_consumers_stopped) > 0}.
 */
public class StoppedConsumersGauge implements ApplicationListener<ApplicationReadyEvent> {

    public static final String NAME = "passerelle.consumers.stopped";

    private final ConsumerBindings bindings;
    private final MeterRegistry meters;

    public StoppedConsumersGauge(ConsumerBindings bindings, MeterRegistry meters) {
        this.bindings = bindings;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        for (String binding : bindings.names()) {
            Gauge.builder(NAME, bindings, consumers -> Boolean.TRUE.equals(consumers.stoppedByBinding().get(binding)) ? 1 : 0)
                    .description("1 while this consumer binding is stopped by an Error in its handler or a dead listener container")
                    .tag("binding", binding).register(meters);
        }
    }
}
