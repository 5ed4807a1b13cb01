package ca.passerelle.testinfra;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import ca.passerelle.localmongo.LocalMongoServers;
import de.bwaldvogel.mongo.MongoServer;

/**
 * The one switch between the two ways integration tests get real infrastructure, started once per test JVM:
 * <ul>
 * <li>{@code local}: an in-process Apache Kafka KRaft broker and a MongoDB wire-protocol server (mongo-java-server,
 * memory backend), for machines without Docker;</li>
 * <li>{@code containers}: Kafka and a MongoDB replica set in Testcontainers.</li>
 * </ul>
 * System property or environment variable {@code passerelle.test.infrastructure} / {@code PASSERELLE_TEST_INFRASTRUCTURE}
 * chooses; {@code auto} (the default) takes containers when a Docker engine answers.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Servers servers;

    /** Addresses of the running servers. */
    public record Servers(String mode, String kafkaBootstrapServers, String mongoConnectionString) {

        /** A connection string to a database of its own on the shared server. */
        public String mongoUri(String database) {
            String base = mongoConnectionString.endsWith("/") ? mongoConnectionString : mongoConnectionString + "/";
            int query = base.indexOf('?');
            return query < 0 ? base + database : base.substring(0, query) + database + base.substring(query);
        }
    }

    private TestInfrastructure() {
    }

    public static synchronized Servers servers() {
        if (servers == null) {
            servers = start(mode());
            log.info("Test infrastructure ({}): kafka {}, mongodb {}", servers.mode(), servers.kafkaBootstrapServers(),
                    servers.mongoConnectionString());
        }
        return servers;
    }

    static String mode() {
        String chosen = System.getProperty("passerelle.test.infrastructure",
                System.getenv().getOrDefault("PASSERELLE_TEST_INFRASTRUCTURE", "auto")).toLowerCase(Locale.ROOT);
        if (!chosen.equals("auto")) {
            return chosen;
        }
        return dockerAvailable() ? "containers" : "local";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Servers start(String mode) {
        return switch (mode) {
            case "local" -> startLocal();
            case "containers" -> startContainers();
            default -> throw new IllegalArgumentException("passerelle.test.infrastructure must be auto, local or containers, not " + mode);
        };
    }

    private static Servers startLocal() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.num.partitions", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "log.cleaner.dedupe.buffer.size", "8388608"));
        kafka.afterPropertiesSet();
        MongoServer mongo = LocalMongoServers.inMemory();
        String mongoUri = mongo.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "test-infrastructure-shutdown"));
        return new Servers("local", kafka.getBrokersAsString(), mongoUri);
    }

    @SuppressWarnings("resource")
    private static Servers startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new Servers("containers", kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
    }
}
