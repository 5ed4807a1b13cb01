package ca.passerelle.platform.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStartingEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The state of each Spring Cloud Stream consumer binding's Kafka listener container, by binding name (e.g.
 * {@code intakeEvents-in-0}). A binding is <em>stopped</em> when its handler threw an {@link Error} ({@link ConsumerHalts})
 * or its container is not in the state it should be in (not running although nobody stopped it, e.g. the consumer thread
 * died). A binding an operator stopped (actuator {@code bindings} endpoint) or a container stopped by the shutdown is
 * stopped normally and not counted. Containers are learnt from the {@link ConsumerStartingEvent}s the binder publishes.
 */
public class ConsumerBindings implements ApplicationListener<ConsumerStartingEvent> {

    /** One consumer binding: its name, destination, group, whether its container runs, and whether it stopped abnormally. */
    public record State(String binding, String destination, String group, boolean running, boolean stopped, String haltedBy) {
    }

    private final BindingService bindings;
    private final BindingServiceProperties properties;
    private final ConsumerHalts halts;
    private final Set<MessageListenerContainer> containers = ConcurrentHashMap.newKeySet();

    public ConsumerBindings(BindingService bindings, BindingServiceProperties properties, ConsumerHalts halts) {
        this.bindings = bindings;
        this.properties = properties;
        this.halts = halts;
    }

    /** The names of this service's consumer bindings. */
    public List<String> names() {
        return Arrays.stream(bindings.getConsumerBindingNames()).sorted().toList();
    }

    /** Every consumer binding of this service that has a Kafka listener container, in binding-name order. */
    public List<State> states() {
                List<State> states = new ArrayList<>();
        for (String name : names()) {
            String destination = properties.getBindingDestination(name);
            String group = properties.getGroup(name);
            List<String> topics = destination == null ? List.of() : Arrays.stream(destination.split(",")).map(String::trim).toList();
            String haltedBy = halts.haltedBy(name).orElse(null);
            for (MessageListenerContainer container : containers) {
                if (listensTo(container, topics, group)) {
                    states.add(new State(name, destination, group, container.isRunning(),
                            haltedBy != null || !container.isInExpectedState(), haltedBy));
                }
            }
        }
        return states;
    }

    /** Stopped (abnormally) or not, per binding name; a binding with several containers is stopped if any is. */
    public Map<String, Boolean> stoppedByBinding() {
        Map<String, Boolean> stopped = new LinkedHashMap<>();
        for (State state : states()) {
            stopped.merge(state.binding(), state.stopped(), Boolean::logicalOr);
        }
        return stopped;
    }

    private static boolean listensTo(MessageListenerContainer container, List<String> topics, String group) {
        if (group != null && !group.equals(container.getGroupId())) {
            return false;
        }
        String[] listened = container.getContainerProperties().getTopics();
        if (listened != null && listened.length > 0) {
            return Arrays.asList(listened).containsAll(topics) && topics.containsAll(Arrays.asList(listened));
        }
        var partitions = container.getContainerProperties().getTopicPartitions();
        return partitions != null && Arrays.stream(partitions).allMatch(partition -> topics.contains(partition.getTopic()));
    }

    /** Remembers every listener container that started a consumer (the binder publishes its containers' events to this context). */
    @Override
    public void onApplicationEvent(ConsumerStartingEvent event) {
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        containers.add(container);
        for (String name : names()) {
            String destination = properties.getBindingDestination(name);
            List<String> topics = destination == null ? List.of() : Arrays.stream(destination.split(",")).map(String::trim).toList();
            if (listensTo(container, topics, properties.getGroup(name))) {
                halts.started(name);
            }
        }
    }
}
