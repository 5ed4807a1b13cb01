package ca.passerelle.dashboard.rebuild.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import ca.passerelle.dashboard.rebuild.ReadModel;
import ca.passerelle.events.InvalidEventException;

/**
 * The supported way to rebuild the read model (profile {@value #PROFILE}, or the argument {@code --rebuild}): with the
 * live bindings left stopped, it
 * <ol>
 * <li>refuses to run while the dashboard's consumer group has members (a running dashboard would keep writing);</li>
 * <li>empties the case summaries, facility statuses and dead letters;</li>
 * <li>replays every partition of every topic a binding consumes (the four case topics, the facility status, every
 * dead-letter topic matching the pattern) from its first offset up to its end offset at the start of the rebuild,
 * handing each record, with the headers the binder would give, to the very function the live binding calls — so the
 * rebuild applies exactly the live rules; a record the live consumer dead-lettered is skipped and counted;</li>
 * <li>sets the consumer group's committed offsets to those end offsets, so that the dashboard started normally
 * afterwards continues with the first record the rebuild did not see.</li>
 * </ol>
 * The application then exits ({@code OperationsDashboardApplication}). The replay reads without a consumer group, so it
 * never disturbs the live group's offsets until the last step.
 */
@Component
@Profile(ProjectionRebuild.PROFILE)
class ProjectionRebuild implements ApplicationRunner {

    static final String PROFILE = "rebuild";
    static final List<String> BINDINGS = List.of("intakeEvents", "assessmentEvents", "travelEvents", "rehabEvents",
            "facilityStatus", "deadLetters");
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReadModel readModel;
    private final ApplicationContext context;
    private final Environment environment;
    private final String bootstrapServers;
    private final String group;

    ProjectionRebuild(ReadModel readModel, ApplicationContext context, Environment environment,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String bootstrapServers,
            @Value("${spring.cloud.stream.default.group}") String group) {
        this.readModel = readModel;
        this.context = context;
        this.environment = environment;
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            requireNoLiveConsumer(admin);
            Map<String, Consumer<Message<byte[]>>> functionByTopic = functionsByTopic(admin);
            readModel.empty();
            log.info("Rebuild: read model emptied; replaying {} topics", functionByTopic.size());
            Map<TopicPartition, Long> end = replay(admin, functionByTopic);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            end.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            log.info("Rebuild: consumer group {} now starts after the {} partitions replayed", group, offsets.size());
        }
    }

    private void requireNoLiveConsumer(Admin admin) throws Exception {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            if (!description.members().isEmpty() || description.groupState() == GroupState.STABLE
                    || description.groupState() == GroupState.PREPARING_REBALANCE
                    || description.groupState() == GroupState.COMPLETING_REBALANCE) {
                throw new IllegalStateException("Consumer group " + group + " has live members: stop the dashboard before rebuilding");
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    /** Each existing topic a binding consumes, with the function that binding calls. */
    private Map<String, Consumer<Message<byte[]>>> functionsByTopic(Admin admin) throws Exception {
        Set<String> topics = admin.listTopics().names().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        Map<String, Consumer<Message<byte[]>>> found = new LinkedHashMap<>();
        for (String binding : BINDINGS) {
            String destination = environment.getRequiredProperty("spring.cloud.stream.bindings." + binding + "-in-0.destination");
            boolean pattern = environment.getProperty("spring.cloud.stream.kafka.bindings." + binding
                    + "-in-0.consumer.destination-is-pattern", Boolean.class, false);
            @SuppressWarnings("unchecked")
            Consumer<Message<byte[]>> function = context.getBean(binding, Consumer.class);
            Pattern matcher = pattern ? Pattern.compile(destination) : null;
            topics.stream().sorted()
                    .filter(topic -> pattern ? matcher.matcher(topic).matches() : topic.equals(destination))
                    .forEach(topic -> found.putIfAbsent(topic, function));
        }
        return found;
    }

    private Map<TopicPartition, Long> replay(Admin admin, Map<String, Consumer<Message<byte[]>>> functionByTopic) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        if (!functionByTopic.isEmpty()) {
            Collection<TopicDescription> descriptions = admin.describeTopics(functionByTopic.keySet()).allTopicNames()
                    .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).values();
            descriptions.forEach(topic -> topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.CLIENT_ID_CONFIG, "operations-dashboard-rebuild");
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            remaining.entrySet().removeIf(entry -> consumer.position(entry.getKey(), TIMEOUT) >= entry.getValue());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    try {
                        functionByTopic.get(record.topic()).accept(message(record));
                        applied++;
                    } catch (InvalidEventException e) {
                        // the live consumer dead-lettered it: it is on a dead-letter topic, replayed as such
                        skipped++;
                    }
                }
                remaining.entrySet().removeIf(entry -> consumer.position(entry.getKey(), TIMEOUT) >= entry.getValue());
            }
            log.info("Rebuild: {} records replayed, {} invalid records skipped (they are dead letters)", applied, skipped);
            return end;
        }
    }

    /** The record as the binder hands it to the function: value, the record's headers, and the Kafka coordinates. */
    private static Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        message.setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, record.partition())
                .setHeader(KafkaHeaders.OFFSET, record.offset())
                .setHeader(KafkaHeaders.RECEIVED_TIMESTAMP, record.timestamp());
        Optional.ofNullable(record.key()).ifPresent(key -> message.setHeader(KafkaHeaders.RECEIVED_KEY, key));
        return message.build();
    }
}
