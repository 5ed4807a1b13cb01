package ca.passerelle.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * P2: the same chain as P1, each hop a Spring Cloud Stream {@code Function<Message<byte[]>, Message<byte[]>>} in its own
 * Spring Boot context on the Kafka binder, forwarding the bytes and the key unchanged: the no-op handler.
 */
final class StreamChain implements Chain {

    /**
     * The framework's default content type, before the fix found by profiling P2: with it, Spring Cloud Function sniffs and
     * parses every byte[] payload as JSON in its input conversion. The project's ServiceDefaults now set
     * application/octet-stream, so P2 runs without this cost and P2-json measures it.
     */
    static final Map<String, Object> JSON = Map.of("spring.cloud.stream.default.content-type", "application/json");

    private final String bootstrap;
    private final List<String> topics;
    private final ChainCodec codec;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, Object> tuning;

    /** @param tuning extra properties of every hop (empty: the project's defaults, as the services run) */
    StreamChain(String bootstrap, String prefix, int recordBytes, Map<String, Object> tuning) {
        this.bootstrap = bootstrap;
        this.tuning = Map.copyOf(tuning);
        this.topics = IntStream.rangeClosed(1, 4).mapToObj(i -> prefix + ".t" + i).toList();
        this.codec = new OpaqueCodec(recordBytes);
    }

    @Override
    public List<String> topics() {
        return topics;
    }

    @Override
    public ChainCodec codec() {
        return codec;
    }

    @Override
    public void start() {
        List<String> excluded = Stream.concat(HopApplication.OFF_THE_EVENT_PATH.stream(), HopApplication.NO_DATABASE.stream()).toList();
        for (int i = 0; i < topics.size() - 1; i++) {
            contexts.add(HopApplication.start(NoOpRelay.class, "p2-hop-" + (i + 1), bootstrap, "relay", topics.get(i), topics.get(i + 1),
                    excluded, tuning));
        }
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    /** The no-op handler: same bytes, same key. */
    @Configuration(proxyBeanMethods = false)
    static class NoOpRelay {

        @Bean
        Function<Message<byte[]>, Message<byte[]>> relay() {
            return in -> MessageBuilder.withPayload(in.getPayload())
                    .setHeader(KafkaHeaders.KEY, in.getHeaders().get(KafkaHeaders.RECEIVED_KEY))
                    .build();
        }
    }
}
