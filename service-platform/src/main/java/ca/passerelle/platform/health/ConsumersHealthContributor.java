package ca.passerelle.platform.health;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code consumers}, one component per consumer binding (e.g. {@code consumers.intakeEvents-in-0}): DOWN when that
 * binding's listener container stopped while the service is up (see {@link ConsumerBindings}), UP while it runs, UNKNOWN
 * when the binding has no Kafka container. The binding names are visible in {@code /actuator/health} even without
 * details (components are always shown); the details (destination, group, running) need {@code show-details}. A service
 * whose consumer died keeps answering HTTP, so without this it would look healthy while its lag grows.
 */
public class ConsumersHealthContributor implements CompositeHealthContributor {

    private final ConsumerBindings bindings;

    public ConsumersHealthContributor(ConsumerBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return bindings.names().contains(name) ? indicator(name) : null;
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        return bindings.names().stream().map(name -> new HealthContributors.Entry(name, indicator(name)));
    }

    private HealthIndicator indicator(String binding) {
        return () -> {
            List<ConsumerBindings.State> states = bindings.states().stream().filter(state -> state.binding().equals(binding)).toList();
            if (states.isEmpty()) {
                return Health.unknown().withDetail("reason", "no Kafka listener container for this binding").build();
            }
            boolean stopped = states.stream().anyMatch(ConsumerBindings.State::stopped);
            ConsumerBindings.State state = states.get(0);
            String haltedBy = states.stream().map(ConsumerBindings.State::haltedBy).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            Health.Builder health = !stopped ? Health.up()
                    : Health.down().withDetail("reason", haltedBy != null ? "the handler threw " + haltedBy + "; restart the service once fixed"
                            : "listener container stopped unexpectedly (see the service log)");
            return health.withDetail("destination", String.valueOf(state.destination())).withDetail("group", String.valueOf(state.group()))
                    .withDetail("running", states.stream().allMatch(ConsumerBindings.State::running)).build();
        };
    }
}
