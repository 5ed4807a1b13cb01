package ca.passerelle.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import ca.passerelle.benchmarks.p3.assessment.AssessmentHop;
import ca.passerelle.benchmarks.p3.rehab.RehabHop;
import ca.passerelle.benchmarks.p3.travel.TravelHop;
import ca.passerelle.events.Topics;
import ca.passerelle.localmongo.LocalMongoServers;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * P3: P2's Spring Cloud Stream hops, each now the project's real consuming path — {@code EventRouter} →
 * {@code AggregateStore.apply} (idempotent, versioned single-document write carrying the raised event) →
 * {@code OutboxRelay} (acks=all, idempotent producer, one acknowledged send then one pull per event) — against a
 * mongo-java-server with the in-memory backend, running in the benchmark JVM, one database per hop: the project's
 * {@code LocalMongoServers} (the {@code _id} index used for every query naming one {@code _id}, as in the tests and the
 * local run), or mongo-java-server's own backend as it was before (level P3-library). The topics are the pathway's own:
 * intake → assessment → travel → rehab.
 */
final class OutboxChain implements Chain {

    static final String MONGO_LABEL = "mongo-java-server 1.47.0, memory backend with the _id lookup of local-mongodb (P3-library: the library's own backend), in the benchmark JVM (wire protocol over loopback)";

    private final String bootstrap;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, Object> tuning;
    private final String prefix;
    private final boolean libraryBackend;
    private MongoServer mongo;

    /**
     * @param tuning extra properties of every hop (empty: the project's defaults, as the services run)
     * @param libraryBackend mongo-java-server's own memory backend instead of the project's LocalMongoServers
     */
    OutboxChain(String bootstrap, String prefix, Map<String, Object> tuning, boolean libraryBackend) {
        this.bootstrap = bootstrap;
        this.prefix = prefix;
        this.tuning = Map.copyOf(tuning);
        this.libraryBackend = libraryBackend;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.INTAKE, Topics.ASSESSMENT, Topics.TRAVEL, Topics.REHAB);
    }

    @Override
    public ChainCodec codec() {
        return codec;
    }

    int ingressBytes() {
        return codec.ingressBytes();
    }

    @Override
    public void start() {
        mongo = libraryBackend ? new MongoServer(new MemoryBackend()) : LocalMongoServers.inMemory();
        int port = freePort();
        mongo.bind("127.0.0.1", port);
        String uri = "mongodb://127.0.0.1:" + port + "/";
        contexts.add(hop(AssessmentHop.class, prefix + "-assessment", uri, Topics.INTAKE));
        contexts.add(hop(TravelHop.class, prefix + "-travel", uri, Topics.ASSESSMENT));
        contexts.add(hop(RehabHop.class, prefix + "-rehab", uri, Topics.TRAVEL));
    }

    private ConfigurableApplicationContext hop(Class<?> hop, String name, String mongoUri, String in) {
        return HopApplication.start(hop, name, bootstrap, "events", in, null, HopApplication.OFF_THE_EVENT_PATH,
                with(tuning, "spring.mongodb.uri", mongoUri + name));
    }

    private static Map<String, Object> with(Map<String, Object> properties, String key, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put(key, value);
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
