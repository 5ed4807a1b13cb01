package ca.passerelle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml against the services' configuration, the contracts and the realm. */
class ComposeTest {

    static final Map<String, Object> COMPOSE = Repo.yamlMap("docker-compose.yml");
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[?-][^}]*)?}");

    static Map<String, Object> service(String name) {
        Map<String, Object> service = Tree.map(COMPOSE, "services." + name);
        assertThat(service).as("compose service " + name).isNotEmpty();
        return service;
    }

    /** A service's environment (map or list form), merge keys resolved by the parser. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new TreeMap<>();
        Object value = service.get("environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> {
                String[] pair = String.valueOf(item).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
        return env;
    }

    static String issuer() {
        List<Object> command = Tree.list(service("keycloak"), "command");
        String hostname = command.stream().map(String::valueOf).filter(c -> c.startsWith("--hostname=")).findFirst()
                .orElseThrow().substring("--hostname=".length());
        return hostname + "/realms/" + Expected.realmName();
    }

    @Test
    void everyRunnableServiceAndTheInfrastructureArePresent() {
        Set<String> names = Tree.map(COMPOSE, "services").keySet();
        assertThat(names).contains("kafka", "kafka-topics", "mongo", "mongo-init", "keycloak", "prometheus", "grafana");
        for (ServiceModule module : ServiceModule.all()) {
            if (module.name().equals("identity-provider")) {
                assertThat(names).as("Keycloak replaces the local identity provider").doesNotContain(module.name());
                continue;
            }
            assertThat(names).contains(module.name());
            Map<String, Object> service = service(module.name());
            assertThat(service.get("build")).isEqualTo("./" + module.name());
            assertThat(String.valueOf(service.get("image"))).contains("/" + module.name() + ":");
        }
    }

    @Test
    void kafkaIsAKraftBrokerOfTheOfficialImageAndTopicsAreNeverCreatedByAccident() {
        Map<String, Object> kafka = service("kafka");
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
        Map<String, String> env = environment(kafka);
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka:9093");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("INTERNAL://kafka:9092");
        assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(Tree.list(kafka, "healthcheck.test")).isNotEmpty();
    }

    @Test
    void topicsCreatedAreTheContractTopicsTheirDeadLettersAndOneFeedPerHospital() {
        Map<String, Integer> file = Expected.topicsFile();
        assertThat(file.keySet()).containsExactlyInAnyOrderElementsOf(Expected.allTopics());
        assertThat(Expected.contractTopics()).isNotEmpty();
        assertThat(Expected.deadLetterTopics()).isNotEmpty();
        assertThat(Expected.hospitalFeeds()).isNotEmpty();
        file.forEach((topic, partitions) -> {
            if (topic.endsWith(".dlq")) {
                assertThat(partitions).as(topic + ": the platform's dlq-partitions").isEqualTo(1);
            } else {
                assertThat(partitions).as(topic + ": at least the binder's min-partition-count")
                        .isGreaterThanOrEqualTo(ServiceModule.MIN_PARTITION_COUNT);
            }
        });
        Map<String, Object> init = service("kafka-topics");
        assertThat(Tree.list(init, "volumes")).contains("./deploy/topics.txt:/opt/passerelle/topics.txt:ro",
                "./deploy/compose/create-topics.sh:/opt/passerelle/create-topics.sh:ro");
        assertThat(Tree.list(init, "entrypoint")).containsExactly("bash", "/opt/passerelle/create-topics.sh");
        assertThat(environment(init)).containsEntry("TOPICS_FILE", "/opt/passerelle/topics.txt").containsEntry("BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(Tree.string(init, "depends_on.kafka.condition")).isEqualTo("service_healthy");
    }

    /** Runs the topic-init script against a stand-in kafka-topics.sh that records its calls. */
    @Test
    void theTopicScriptCreatesEachTopicOnceWithItsPartitions(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls");
        Path stub = dir.resolve("kafka-topics.sh");
        Files.writeString(stub, "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder builder = new ProcessBuilder("bash", Repo.path("deploy/compose/create-topics.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        builder.environment().put("KAFKA_TOPICS", stub.toString());
        builder.environment().put("TOPICS_FILE", Repo.path(Expected.TOPICS_FILE).toString());
        builder.environment().put("BOOTSTRAP_SERVERS", "kafka:9092");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out"))).isZero();
        Map<String, String> created = new TreeMap<>();
        Pattern create = Pattern.compile("--bootstrap-server kafka:9092 --create --if-not-exists --topic (\\S+) --partitions (\\d+) --replication-factor 1");
        for (String line : Files.readAllLines(calls)) {
            Matcher matcher = create.matcher(line);
            if (matcher.matches()) {
                assertThat(created.put(matcher.group(1), matcher.group(2))).as("created twice: " + line).isNull();
            }
        }
        Map<String, String> expected = new TreeMap<>();
        Expected.topicsFile().forEach((t, p) -> expected.put(t, String.valueOf(p)));
        assertThat(created).isEqualTo(expected);
    }

    @Test
    void mongoIsAReplicaSetThatTheComposeFileInitiatesItself() {
        Map<String, Object> mongo = service("mongo");
        assertThat(Tree.list(mongo, "command")).containsSequence("--replSet", "rs0");
        assertThat(Tree.list(mongo, "healthcheck.test")).isNotEmpty();
        Map<String, Object> init = service("mongo-init");
        assertThat(Tree.string(init, "depends_on.mongo.condition")).isEqualTo("service_healthy");
        assertThat(Tree.list(init, "volumes")).contains("./deploy/compose/init-replica-set.js:/opt/passerelle/init-replica-set.js:ro");
        String script = Repo.read("deploy/compose/init-replica-set.js");
        assertThat(script).contains("rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] })")
                .contains("NotYetInitialized").contains("isWritablePrimary");
    }

    @Test
    void keycloakImportsTheRealmWithEveryPlaceholderSetFromTheEnvironment() {
        Map<String, Object> keycloak = service("keycloak");
        List<Object> command = Tree.list(keycloak, "command");
        assertThat(command).contains("start-dev", "--import-realm");
        assertThat(Tree.list(keycloak, "volumes"))
                .contains("./" + Expected.REALM_FILE + ":/opt/keycloak/data/import/passerelle-realm.json:ro");
        Map<String, String> env = environment(keycloak);
        assertThat(env.keySet()).containsAll(Expected.realmPlaceholders());
        assertThat(Expected.realmPlaceholders()).isNotEmpty();
        assertThat(issuer()).isEqualTo("http://keycloak:8180/realms/passerelle");
        assertThat(command).contains("--http-port=8180");
        assertThat(Tree.list(keycloak, "ports")).contains("8180:8180");
        assertThat(Tree.list(keycloak, "healthcheck.test").toString()).contains("/health/ready");
    }

    @Test
    void eachServiceListensOnItsPortAndIsCheckedOnItsHealthPath() {
        for (ServiceModule module : ServiceModule.all()) {
            if (module.name().equals("identity-provider")) {
                continue;
            }
            Map<String, Object> service = service(module.name());
            assertThat(Tree.list(service, "ports")).as(module.name()).containsExactly(module.port() + ":" + module.port());
            String check = String.join(" ", Tree.list(service, "healthcheck.test").stream().map(String::valueOf).toList());
            assertThat(check).as(module.name()).contains("/dev/tcp/127.0.0.1/" + module.port()).contains("GET /actuator/health ");
        }
    }

    @Test
    void everySettingThatPointsAtLocalhostIsOverriddenForTheContainers() {
        for (ServiceModule module : ServiceModule.all()) {
            if (module.name().equals("identity-provider")) {
                continue;
            }
            Map<String, String> env = environment(service(module.name()));
            module.localAddressProperties().forEach((property, value) -> {
                String set = Tree.envValue(env, property);
                assertThat(set).as(module.name() + " must override " + property + " (" + value + ") with " + Tree.envNames(property)).isNotNull();
                assertThat(set).as(module.name() + " " + property).doesNotContain("localhost").doesNotContain("127.0.0.1");
            });
            if (module.usesMongo()) {
                String uri = env.get("SPRING_MONGODB_URI");
                assertThat(uri).as(module.name()).isEqualTo("mongodb://mongo:27017/" + module.applicationName() + "?replicaSet=rs0");
            }
            if (module.usesKafka()) {
                assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as(module.name()).isEqualTo("kafka:9092");
            }
            if (module.platform()) {
                assertThat(env.get("PASSERELLE_SECURITY_ISSUER")).as(module.name()).isEqualTo(issuer());
                assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_PASSERELLE_TOKENURI")).as(module.name())
                        .isEqualTo(issuer() + "/protocol/openid-connect/token");
            }
            for (String endpoint : module.providerEndpoints().keySet()) {
                String variable = Tree.envName(endpoint);
                assertThat(env.get(variable)).as(module.name() + " " + variable + " on Keycloak's endpoints")
                        .startsWith(issuer() + "/protocol/openid-connect/");
            }
            for (String variable : module.environmentVariables()) {
                assertThat(env).as(module.name() + " needs " + variable).containsKey(variable);
            }
        }
    }

    /** Spring Boot's relaxed binding, fed each container's environment, yields the settings the service needs. */
    @Test
    void springBindsEveryServicesSettingsFromItsComposeEnvironment() {
        for (ServiceModule module : ServiceModule.platformServices()) {
            SpringBinding spring = new SpringBinding("compose", environment(service(module.name())));
            spring.assertServiceSettings(module, issuer());
            assertThat(spring.property("spring.kafka.bootstrap-servers")).as(module.name()).isEqualTo("kafka:9092");
        }
    }

    @Test
    void servicesStartAfterWhatTheyNeedIsHealthyOrDone() {
        Map<String, Object> services = Tree.map(COMPOSE, "services");
        for (ServiceModule module : ServiceModule.platformServices()) {
            Map<String, Object> dependsOn = Tree.map(service(module.name()), "depends_on");
            assertThat(Tree.string(dependsOn, "kafka-topics.condition")).as(module.name()).isEqualTo("service_completed_successfully");
            assertThat(Tree.string(dependsOn, "mongo-init.condition")).as(module.name()).isEqualTo("service_completed_successfully");
            assertThat(Tree.string(dependsOn, "keycloak.condition")).as(module.name()).isEqualTo("service_healthy");
        }
        assertThat(Tree.string(service("travel-coordination-service"), "depends_on.facility-gateway.condition")).isEqualTo("service_healthy");
        assertThat(Tree.string(service("facility-gateway"), "depends_on.facility-api-simulator.condition")).isEqualTo("service_healthy");
        services.forEach((name, value) -> Tree.map(value, "depends_on").forEach((dependency, condition) -> {
            assertThat(services).as(name + " depends on an unknown service").containsKey(dependency);
            String kind = Tree.string(condition, "condition");
            assertThat(kind).as(name + " → " + dependency).isIn("service_healthy", "service_completed_successfully");
            if (kind.equals("service_healthy")) {
                assertThat(Tree.list(services.get(dependency), "healthcheck.test")).as(dependency + " has a health check").isNotEmpty();
            }
        }));
    }

    @Test
    void containersOfTheServicesRunReadOnlyWithoutCapabilities() {
        for (ServiceModule module : ServiceModule.all()) {
            if (module.name().equals("identity-provider")) {
                continue;
            }
            Map<String, Object> service = service(module.name());
            assertThat(service.get("read_only")).as(module.name()).isEqualTo(true);
            assertThat(Tree.list(service, "cap_drop")).as(module.name()).containsExactly("ALL");
            assertThat(Tree.list(service, "tmpfs")).as(module.name()).contains("/tmp");
        }
    }

    @Test
    void noSecretIsWrittenInTheComposeFileOnlyReferencedFromTheEnvironment() {
        Map<String, Object> services = Tree.map(COMPOSE, "services");
        List<String> checked = new ArrayList<>();
        services.forEach((name, service) -> environment(Tree.map(COMPOSE, "services." + name)).forEach((variable, value) -> {
            if (Expected.isSecretName(variable)) {
                assertThat(value).as(name + " " + variable).matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
                checked.add(variable);
            }
        }));
        assertThat(checked).contains("KC_BOOTSTRAP_ADMIN_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD", "PASSERELLE_SECRET_TRAVEL_COORDINATION_SERVICE");
        String text = Repo.read("docker-compose.yml");
        assertThat(text).doesNotContainPattern("demo-[a-z]").doesNotContainPattern("(?i)password\\s*[:=]\\s*[a-z0-9]{6,}");
    }

    @Test
    void envExampleDeclaresEveryRequiredVariableWithoutAValue() {
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Repo.read(".env.example").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split("=", 2);
                example.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        Set<String> required = new TreeSet<>();
        String uncommented = String.join("\n", Repo.read("docker-compose.yml").lines().filter(l -> !l.strip().startsWith("#")).toList());
        Matcher matcher = REFERENCE.matcher(uncommented);
        while (matcher.find()) {
            if (matcher.group(2) != null && matcher.group(2).startsWith(":?")) {
                required.add(matcher.group(1));
            }
        }
        assertThat(required).isNotEmpty();
        assertThat(example.keySet()).containsAll(required);
        example.forEach((variable, value) -> {
            if (Expected.isSecretName(variable)) {
                assertThat(value).as(variable + " in .env.example must stay empty").isEmpty();
            }
        });
        // Compose's secret file for Prometheus comes from a variable .env.example declares as well.
        String secretVariable = Tree.string(COMPOSE, "secrets.metrics-scraper-secret.environment");
        assertThat(example).containsKey(secretVariable);
    }

    @Test
    void generateEnvFillsEveryEmptyValueOfTheExample(@TempDir Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("deploy/compose"));
        Files.copy(Repo.path(".env.example"), dir.resolve(".env.example"));
        Files.copy(Repo.path("deploy/compose/generate-env.sh"), dir.resolve("deploy/compose/generate-env.sh"));
        Process process = new ProcessBuilder("bash", dir.resolve("deploy/compose/generate-env.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve(".env"));
        assertThat(lines).filteredOn(l -> l.startsWith("PASSERELLE_SECRET_METRICS_SCRAPER=")).singleElement()
                .satisfies(l -> assertThat(l).matches("PASSERELLE_SECRET_METRICS_SCRAPER=[0-9a-f]{48}"));
        assertThat(lines).noneMatch(l -> l.matches("[A-Z0-9_]+="));
    }
}
