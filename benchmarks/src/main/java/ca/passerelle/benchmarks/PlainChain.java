package ca.passerelle.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * P1, the physical reference: each hop is one thread with a plain {@link KafkaConsumer} (auto-commit) and a plain
 * {@link KafkaProducer} (acks=all, idempotent, client defaults otherwise), forwarding every record unchanged to the
 * next topic: the no-op handler. Four topics, three hops, like intake → assessment → travel → rehab.
 */
final class PlainChain implements Chain {

    private final String bootstrap;
    private final List<String> topics;
    private final List<Hop> hops = new ArrayList<>();
    private final ChainCodec codec;

    PlainChain(String bootstrap, String prefix, int recordBytes) {
        this.bootstrap = bootstrap;
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
        for (int i = 0; i < topics.size() - 1; i++) {
            Hop hop = new Hop(topics.get(i), topics.get(i + 1), "p1-hop-" + (i + 1));
            hops.add(hop);
            hop.thread.start();
        }
    }

    @Override
    public void close() {
        hops.forEach(Hop::stop);
        for (Hop hop : hops) {
            if (hop.failure.get() != null) {
                throw new IllegalStateException("hop failed", hop.failure.get());
            }
        }
    }

    private final class Hop {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> producer;
        private final String in;
        private final String out;
        private final Thread thread;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean running = true;

        Hop(String in, String out, String name) {
            this.in = in;
            this.out = out;
            this.consumer = KafkaClients.consumer(bootstrap, name);
            this.producer = KafkaClients.producer(bootstrap, name);
            this.thread = new Thread(this::loop, name);
        }

        private void loop() {
            consumer.subscribe(List.of(in));
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        producer.send(new ProducerRecord<>(out, record.key(), record.value()), (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                producer.close(Duration.ofSeconds(5));
                consumer.close(Duration.ofSeconds(5));
            }
        }

        void stop() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
