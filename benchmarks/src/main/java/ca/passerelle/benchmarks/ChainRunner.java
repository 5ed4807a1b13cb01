package ca.passerelle.benchmarks;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Drives one chain through its three phases: warm-up (awaited end to end), throughput (as fast as the ingress can send)
 * and latency (open loop at a fixed rate), while the end-of-chain consumer records each record's latency into an
 * HdrHistogram per phase.
 */
final class ChainRunner {

    private final String bootstrap;
    private final Settings settings;
    private final CpuMeter cpu;

    ChainRunner(String bootstrap, Settings settings, CpuMeter cpu) {
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.cpu = cpu;
    }

    LevelResult run(String level, String title, String description, Chain chain, int records, int warmup, int recordBytes)
            throws Exception {
        List<String> topics = chain.topics();
        KafkaClients.createTopics(bootstrap, topics);
        chain.start();
        ChainCodec codec = chain.codec();
        String first = topics.get(0);
        try (EndOfChain sink = new EndOfChain(KafkaClients.consumer(bootstrap, "bench-end-of-chain-" + level), topics.get(topics.size() - 1), codec);
                KafkaProducer<byte[], byte[]> ingress = KafkaClients.producer(bootstrap, "bench-ingress-" + level)) {
            sink.start();
            Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());

            say(level, "warm-up: " + warmup + " records");
            blast(ingress, codec, first, Phase.WARMUP, warmup);
            if (!sink.await(Phase.WARMUP, warmup, timeout.plusSeconds(60))) {
                throw new IllegalStateException(level + ": warm-up records did not reach the end of the chain: " + sink.count(Phase.WARMUP));
            }

            say(level, "throughput: " + records + " records as fast as possible");
            long start = Micros.now();
            CpuMeter.Snapshot cpuAtStart = cpu.snapshot();
            blast(ingress, codec, first, Phase.BLAST, records);
            boolean complete = sink.await(Phase.BLAST, records, timeout);
            CpuUse cores = cpu.snapshot().since(cpuAtStart);
            long arrived = sink.count(Phase.BLAST);
            double seconds = (sink.lastArrival(Phase.BLAST) - start) / 1e6;
            double throughput = arrived / seconds;
            say(level, String.format("%d records in %.2f s: %.0f records/s; cores busy: benchmark JVM %s, broker %s", arrived, seconds,
                    throughput, cores.client(), cores.broker()));

            int paced = settings.pacedRecords();
            say(level, "latency: " + paced + " records at " + settings.rate() + "/s");
            paced(ingress, codec, first, paced, settings.rate());
            boolean pacedComplete = sink.await(Phase.PACED, paced, timeout);
            Percentiles pacedLatency = sink.percentiles(Phase.PACED);
            say(level, "paced p50 " + pacedLatency.p50() + " ms, p99 " + pacedLatency.p99() + " ms, max " + pacedLatency.max() + " ms");

            String notes = (complete ? "" : "throughput phase incomplete after " + timeout.toSeconds() + " s; ")
                    + (pacedComplete ? "" : "latency phase incomplete: " + sink.count(Phase.PACED) + " of " + paced + " arrived; ");
            return new LevelResult(level, title, description, records, arrived, round(seconds), Math.round(throughput),
                    sink.percentiles(Phase.BLAST), pacedLatency, settings.rate(), recordBytes, cores, notes.isEmpty() ? null : notes.trim());
        } finally {
            chain.close();
        }
    }

    static void say(String level, String message) {
        System.out.println("[" + level + "] " + message);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void blast(KafkaProducer<byte[], byte[]> ingress, ChainCodec codec, String topic, Phase phase, int count) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            ingress.send(codec.record(topic, phase, i, Micros.now()), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        ingress.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the ingress could not send", failure.get());
        }
    }

    /** Open loop: record i is due at start + i/rate whatever happened to the ones before; its latency counts from then. */
    private static void paced(KafkaProducer<byte[], byte[]> ingress, ChainCodec codec, String topic, int count, int rate) {
        long startNanos = System.nanoTime();
        long startMicros = Micros.now();
        for (int i = 0; i < count; i++) {
            long dueNanos = startNanos + (long) i * 1_000_000_000L / rate;
            long wait;
            while ((wait = dueNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            ProducerRecord<byte[], byte[]> record = codec.record(topic, Phase.PACED, i, startMicros + (dueNanos - startNanos) / 1_000);
            ingress.send(record);
        }
        ingress.flush();
    }

    /** The end of the chain: one consumer on the last topic, recording each record's latency into its phase's histogram. */
    static final class EndOfChain implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private final ChainCodec codec;
        private final Map<Phase, Histogram> histograms = new EnumMap<>(Phase.class);
        private final Map<Phase, AtomicLong> counts = new EnumMap<>(Phase.class);
        private final Map<Phase, AtomicLong> lastArrivals = new EnumMap<>(Phase.class);
        private final Thread thread;
        private volatile boolean running = true;

        EndOfChain(KafkaConsumer<byte[], byte[]> consumer, String topic, ChainCodec codec) {
            this.consumer = consumer;
            this.topic = topic;
            this.codec = codec;
            for (Phase phase : Phase.values()) {
                histograms.put(phase, new Histogram(TimeUnit.MINUTES.toMicros(10), 3));
                counts.put(phase, new AtomicLong());
                lastArrivals.put(phase, new AtomicLong());
            }
            this.thread = new Thread(this::loop, "end-of-chain");
        }

        void start() {
            thread.start();
        }

        private void loop() {
            consumer.subscribe(List.of(topic));
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = Micros.now();
                        ChainCodec.Stamp stamp = codec.read(record);
                        Histogram histogram = histograms.get(stamp.phase());
                        synchronized (histogram) {
                            histogram.recordValue(Math.max(0, Math.min(now - stamp.intendedMicros(), histogram.getHighestTrackableValue())));
                        }
                        lastArrivals.get(stamp.phase()).set(now);
                        counts.get(stamp.phase()).incrementAndGet();
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        boolean await(Phase phase, long expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count(phase) < expected) {
                if (System.nanoTime() > deadline || !thread.isAlive()) {
                    return false;
                }
                Thread.sleep(2);
            }
            return true;
        }

        long count(Phase phase) {
            return counts.get(phase).get();
        }

        long lastArrival(Phase phase) {
            return lastArrivals.get(phase).get();
        }

        Percentiles percentiles(Phase phase) {
            Histogram histogram = histograms.get(phase);
            synchronized (histogram) {
                return Percentiles.of(histogram.copy());
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(10_000);
        }
    }
}
