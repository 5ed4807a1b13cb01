package ca.passerelle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/ (Kustomize base, dev and prod overlays) against the services' configuration, the contracts and the realm. */
class KubernetesTest {

    static final String CREATE_SECRETS = Repo.read("deploy/create-secrets.sh");

    // ---------------------------------------------------------------- the kustomization tree

    @Test
    void everyManifestUnderDeployIsListedByItsKustomizationAndEveryListedFileExists() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Repo.path("deploy"))) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations).extracting(k -> Repo.ROOT.resolve("deploy").relativize(k.getParent()).toString())
                .contains("base", "overlays/dev", "overlays/prod", "keycloak", "observability");
        Set<Path> listed = new TreeSet<>();
        for (Path kustomization : kustomizations) {
            Map<String, Object> file = Repo.yamlDocuments(Repo.read(kustomization)).get(0);
            Path dir = kustomization.getParent();
            List<Object> entries = new ArrayList<>(Tree.list(file, "resources"));
            Tree.maps(file, "patches").stream().filter(p -> p.get("path") != null).forEach(p -> entries.add(p.get("path")));
            Tree.maps(file, "configMapGenerator").forEach(g -> entries.addAll(Tree.list(g, "files")));
            for (Object entry : entries) {
                Path path = dir.resolve(String.valueOf(entry)).normalize();
                assertThat(Files.exists(path)).as(kustomization + " lists " + entry).isTrue();
                if (Files.isDirectory(path)) {
                    assertThat(path.resolve("kustomization.yaml")).as(entry + " is a kustomization").isRegularFile();
                }
                listed.add(path);
            }
        }
        try (Stream<Path> files = Files.walk(Repo.path("deploy"))) {
            List<Path> manifests = files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> kustomizations.stream().anyMatch(k -> f.startsWith(k.getParent()))).toList();
            assertThat(manifests).isNotEmpty();
            assertThat(listed).as("manifests no kustomization lists").containsAll(manifests);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlaysBuildOnTheBaseAndRender(String overlay) {
        Map<String, Object> file = Repo.yamlMap("deploy/overlays/" + overlay + "/kustomization.yaml");
        assertThat(Tree.list(file, "resources")).contains("../../base");
        assertThat(file.get("namespace")).isEqualTo("passerelle");
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.resources()).hasSizeGreaterThan(50);
        assertThat(rendered.ofKind("Secret")).as("secrets are made in the cluster (create-secrets.sh), never committed").isEmpty();
        for (Map<String, Object> resource : rendered.resources()) {
            assertThat(Tree.string(resource, "apiVersion")).as(String.valueOf(resource.get("kind"))).isNotBlank();
            assertThat(Tree.string(resource, "metadata.name")).isNotBlank();
            if (!"Namespace".equals(resource.get("kind"))) {
                assertThat(Tree.string(resource, "metadata.namespace")).as(resource.get("kind") + " " + Tree.string(resource, "metadata.name"))
                        .isEqualTo("passerelle");
            }
        }
        assertThat(rendered.byKubectl()).isEqualTo(Rendered.renderedByKubectl());
    }

    /**
     * Where kubectl renders, the Java reading of the tree (used where it does not) must agree with it on what exists
     * and on what the workloads run, so that both ways check the same manifests.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theJavaReadingOfTheTreeAgreesWithKubectl(String overlay) {
        Rendered java = Rendered.byJava(overlay);
        assertThat(java.ofKind("Deployment")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(java.ofKind("KafkaTopic")).hasSize(Expected.topicsFile().size());
        if (!Rendered.renderedByKubectl()) {
            return;
        }
        Rendered kubectl = Rendered.overlay(overlay);
        assertThat(kubectl.byKubectl()).isTrue();
        Map<String, String> byJava = summary(java);
        Map<String, String> byKubectl = summary(kubectl);
        assertThat(byJava.keySet()).isEqualTo(byKubectl.keySet());
        List<String> differences = byJava.keySet().stream().filter(k -> !byJava.get(k).equals(byKubectl.get(k)))
                .map(k -> k + ": java " + byJava.get(k) + " / kubectl " + byKubectl.get(k)).toList();
        assertThat(differences).isEmpty();
    }

    /** kind/name of every resource (generated ConfigMaps without their hash suffix), and each workload's containers. */
    static Map<String, String> summary(Rendered rendered) {
        Map<String, String> summary = new TreeMap<>();
        for (Map<String, Object> resource : rendered.resources()) {
            String name = Tree.string(resource, "metadata.name");
            if ("ConfigMap".equals(resource.get("kind"))) {
                name = name.replaceAll("-[a-z0-9]{10}$", "");
            }
            String detail = "";
            if (List.of("Deployment", "StatefulSet", "Job").contains(resource.get("kind"))) {
                List<String> containers = new ArrayList<>();
                for (Map<String, Object> c : Tree.maps(resource, "spec.template.spec.containers")) {
                    containers.add(c.get("image") + " " + Tree.list(c, "args") + " "
                            + Tree.maps(c, "env").stream().map(e -> String.valueOf(e.get("name"))).sorted().toList() + " "
                            + new TreeMap<>(Tree.map(c, "resources")));
                }
                detail = Tree.at(resource, "spec.replicas") + " " + containers;
            } else if ("ConfigMap".equals(resource.get("kind")) && !name.equals("keycloak-realm") && !name.equals("passerelle-grafana-dashboard")
                    && !name.equals("mongo-init-scripts")) {
                detail = new TreeMap<>(Tree.map(resource, "data")).toString();
            } else if (List.of("ScaledObject", "HorizontalPodAutoscaler").contains(resource.get("kind"))) {
                detail = Tree.at(resource, "spec.minReplicaCount") + "/" + Tree.at(resource, "spec.minReplicas");
            }
            summary.put(resource.get("kind") + "/" + name, detail);
        }
        return summary;
    }

    // ---------------------------------------------------------------- workloads

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADeploymentWithProbesOnItsPortResourcesAndARestrictedSecurityContext(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<ServiceModule> expected = new ArrayList<>(ServiceModule.platformServices());
        if (overlay.equals("dev")) {
            expected.add(ServiceModule.named("facility-api-simulator"));
        } else {
            assertThat(rendered.find("Deployment", "facility-api-simulator")).as("no simulator in prod").isEmpty();
        }
        assertThat(rendered.find("Deployment", "identity-provider")).as("Keycloak replaces it").isEmpty();
        for (ServiceModule module : expected) {
            Map<String, Object> deployment = rendered.get("Deployment", module.name());
            Map<String, Object> pod = Tree.map(deployment, "spec.template.spec");
            Map<String, Object> container = Tree.maps(pod, "containers").get(0);
            assertThat(String.valueOf(container.get("image"))).contains("/" + module.name() + ":");
            assertThat(Tree.maps(container, "ports")).singleElement().satisfies(port -> {
                assertThat(port.get("name")).isEqualTo("http");
                assertThat(port.get("containerPort")).isEqualTo(module.port());
            });
            assertThat(Tree.string(container, "readinessProbe.httpGet.path")).as(module.name()).isEqualTo("/actuator/health/readiness");
            assertThat(Tree.string(container, "livenessProbe.httpGet.path")).as(module.name()).isEqualTo("/actuator/health/liveness");
            assertThat(Tree.string(container, "readinessProbe.httpGet.port")).isEqualTo("http");
            assertThat(Tree.string(container, "livenessProbe.httpGet.port")).isEqualTo("http");
            assertThat(Tree.string(container, "securityContext.readOnlyRootFilesystem")).as(module.name()).isEqualTo("true");
            List<String> tmpMounts = Tree.maps(container, "volumeMounts").stream().filter(m -> "/tmp".equals(m.get("mountPath")))
                    .map(m -> String.valueOf(m.get("name"))).toList();
            assertThat(tmpMounts).as(module.name() + " writes only /tmp").singleElement();
            assertThat(Tree.maps(pod, "volumes")).anySatisfy(v -> {
                assertThat(v.get("name")).isEqualTo(tmpMounts.get(0));
                assertThat(v).containsKey("emptyDir");
            });
            Map<String, Object> service = rendered.get("Service", module.name());
            assertThat(Tree.maps(service, "spec.ports")).singleElement().satisfies(p -> {
                assertThat(p.get("port")).isEqualTo(module.port());
                assertThat(p.get("targetPort")).isEqualTo("http");
            });
            assertThat(Tree.map(deployment, "spec.template.metadata.labels")).containsAllEntriesOf(castStrings(Tree.map(service, "spec.selector")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadRunsAsNonRootWithoutCapabilitiesAndWithResources(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.podTemplates()).hasSizeGreaterThanOrEqualTo(9);
        rendered.podTemplates().forEach((workload, template) -> {
            Map<String, Object> pod = Tree.map(template, "spec");
            assertThat(Tree.at(pod, "securityContext.runAsNonRoot")).as(workload).isEqualTo(true);
            assertThat(Tree.at(pod, "securityContext.runAsUser")).as(workload).isNotEqualTo(0).isNotNull();
            List<Map<String, Object>> containers = new ArrayList<>(Tree.maps(pod, "containers"));
            containers.addAll(Tree.maps(pod, "initContainers"));
            for (Map<String, Object> container : containers) {
                String name = workload + "/" + container.get("name");
                assertThat(Tree.at(container, "securityContext.allowPrivilegeEscalation")).as(name).isEqualTo(false);
                assertThat(Tree.list(container, "securityContext.capabilities.drop")).as(name).containsExactly("ALL");
                for (String bound : List.of("requests", "limits")) {
                    assertThat(Tree.map(container, "resources." + bound)).as(name + " " + bound).containsKeys("cpu", "memory");
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesGetEverySettingTheyNeedAndSecretsOnlyFromSecrets(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String issuer = issuer(rendered);
        for (ServiceModule module : ServiceModule.platformServices()) {
            Map<String, Object> container = Tree.maps(rendered.get("Deployment", module.name()), "spec.template.spec.containers").get(0);
            Map<String, String> env = environment(rendered, container);
            module.localAddressProperties().forEach((property, value) -> {
                String set = Tree.envValue(env, property);
                assertThat(set).as(overlay + " " + module.name() + " must override " + property + " with " + Tree.envNames(property)).isNotNull();
                assertThat(set).as(overlay + " " + module.name() + " " + property).doesNotContain("localhost").doesNotContain("127.0.0.1");
            });
            assertThat(env.get("PASSERELLE_SECURITY_ISSUER")).as(module.name()).isEqualTo(issuer);
            assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_PASSERELLE_TOKENURI")).isEqualTo(issuer + "/protocol/openid-connect/token");
            for (String endpoint : module.providerEndpoints().keySet()) {
                assertThat(env.get(Tree.envName(endpoint))).as(overlay + " " + module.name() + " " + endpoint)
                        .startsWith(issuer + "/protocol/openid-connect/");
            }
            if (module.usesMongo()) {
                assertThat(env.get("SPRING_MONGODB_URI")).as(module.name())
                        .startsWith("mongodb://" + module.applicationName() + ":$(MONGO_PASSWORD)@mongo-0.mongo:27017,")
                        .contains("/" + module.applicationName() + "?replicaSet=rs0&authSource=" + module.applicationName());
            }
            if (module.usesKafka()) {
                assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(kafkaName(rendered) + "-kafka-bootstrap:9093");
                assertThat(secretRef(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as(module.name())
                        .isEqualTo(module.applicationName() + "/sasl.jaas.config");
                assertThat(rendered.find("KafkaUser", module.applicationName())).as(module.name()).isPresent();
            }
            for (String variable : module.environmentVariables()) {
                assertThat(env).as(overlay + " " + module.name() + " needs " + variable).containsKey(variable);
                if (variable.startsWith("PASSERELLE_SECRET_")) {
                    assertThat(secretRef(container, variable)).as(module.name()).isEqualTo("passerelle-oidc-clients/" + variable);
                } else if (Expected.isSecretName(variable)) {
                    assertThat(secretRef(container, variable)).as(module.name() + " " + variable + " from a Secret").doesNotStartWith("null");
                }
            }
            for (Map<String, Object> variable : Tree.maps(container, "env")) {
                if (Expected.isSecretName(String.valueOf(variable.get("name")))) {
                    assertThat(variable).as(module.name() + " " + variable.get("name")).doesNotContainKey("value").containsKey("valueFrom");
                }
            }
        }
        Map<String, Object> intake = Tree.maps(rendered.get("Deployment", "intake-service"), "spec.template.spec.containers").get(0);
        assertThat(secretRef(intake, "PASSERELLE_INTAKE_ENCRYPTION_KEYSET")).isEqualTo("intake-encryption/keyset");
        assertThat(secretRef(intake, "PASSERELLE_INTAKE_ENCRYPTION_LOOKUPKEYSET")).isEqualTo("intake-encryption/lookup-keyset");
    }

    /** Spring Boot's relaxed binding, fed each pod's environment (ConfigMaps and env), yields the settings it needs. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void springBindsEveryServicesSettingsFromItsPodEnvironment(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (ServiceModule module : ServiceModule.platformServices()) {
            Map<String, Object> container = Tree.maps(rendered.get("Deployment", module.name()), "spec.template.spec.containers").get(0);
            SpringBinding spring = new SpringBinding(overlay, environment(rendered, container));
            spring.assertServiceSettings(module, issuer(rendered));
            if (module.usesKafka()) {
                assertThat(spring.property("spring.kafka.bootstrap-servers")).isEqualTo(kafkaName(rendered) + "-kafka-bootstrap:9093");
                assertThat(spring.property("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
                assertThat(spring.map("spring.kafka.properties")).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                        .containsKey("sasl.jaas.config");
                assertThat(spring.property("spring.kafka.ssl.trust-store-type")).isEqualTo("PEM");
                String caMount = Tree.maps(container, "volumeMounts").stream().filter(m -> "kafka-cluster-ca".equals(m.get("name")))
                        .map(m -> String.valueOf(m.get("mountPath"))).findFirst().orElseThrow();
                assertThat(spring.property("spring.kafka.ssl.trust-store-location")).isEqualTo("file:" + caMount + "/ca.crt");
                assertThat(spring.property("spring.cloud.stream.kafka.binder.auto-create-topics")).isEqualTo("false");
            }
        }
        Map<String, Object> intake = Tree.maps(rendered.get("Deployment", "intake-service"), "spec.template.spec.containers").get(0);
        SpringBinding spring = new SpringBinding(overlay, environment(rendered, intake));
        assertThat(spring.property("passerelle.intake.encryption.keyset")).isNotNull();
        assertThat(spring.property("passerelle.intake.encryption.lookup-keyset")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretAWorkloadReadsIsMadeByCreateSecretsOrByStrimzi(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> strimzi = new TreeSet<>();
        rendered.ofKind("KafkaUser").forEach(u -> strimzi.add(Tree.string(u, "metadata.name")));
        strimzi.add(kafkaName(rendered) + "-cluster-ca-cert");
        Set<String> referenced = new TreeSet<>();
        Matcher matcher = Pattern.compile("secretKeyRef=\\{[^}]*?name=([a-z0-9-]+)|secretName=([a-z0-9-]+)|secretRef=\\{[^}]*?name=([a-z0-9-]+)")
                .matcher(rendered.resources().toString());
        while (matcher.find()) {
            referenced.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        rendered.ofKind("ServiceMonitor").forEach(m -> referenced.add(Tree.string(Tree.maps(m, "spec.endpoints").get(0), "oauth2.clientSecret.name")));
        assertThat(referenced).contains("passerelle-oidc-clients", "passerelle-mongo", "passerelle-mongo-users", "intake-encryption", "metrics-scraper",
                "keda-kafka-auth", "passerelle-cluster-ca-cert");
        for (String secret : referenced) {
            if (strimzi.contains(secret) || secret.equals("passerelle-tls")) {
                continue;
            }
            assertThat(CREATE_SECRETS).as(secret + " is created by deploy/create-secrets.sh")
                    .containsPattern("create(?: secret generic)? \"?" + Pattern.quote(secret) + "\"?\\s|create secret generic " + Pattern.quote(secret));
        }
        for (ServiceModule module : ServiceModule.platformServices()) {
            if (module.usesMongo()) {
                assertThat(CREATE_SECRETS).contains(module.applicationName());
            }
        }
    }

    // ---------------------------------------------------------------- Kafka

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftModeWithAuthenticatedAuthorisedClients(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Object> kafka = rendered.ofKind("Kafka").get(0);
        assertThat(Tree.map(kafka, "metadata.annotations")).containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(Tree.maps(kafka, "spec.kafka.listeners")).singleElement().satisfies(l -> {
            assertThat(l.get("tls")).isEqualTo(true);
            assertThat(Tree.string(l, "authentication.type")).isEqualTo("scram-sha-512");
            assertThat(l.get("port")).isEqualTo(9093);
        });
        assertThat(Tree.string(kafka, "spec.kafka.authorization.type")).isEqualTo("simple");
        assertThat(Tree.map(kafka, "spec.kafka.config")).containsEntry("min.insync.replicas", 2).containsEntry("auto.create.topics.enable", false);
        Map<String, Object> pool = rendered.ofKind("KafkaNodePool").get(0);
        assertThat(Tree.list(pool, "spec.roles")).containsExactlyInAnyOrder("controller", "broker");
        assertThat((Integer) Tree.at(pool, "spec.replicas")).isGreaterThanOrEqualTo(3);
        assertThat(Tree.map(pool, "metadata.labels")).containsEntry("strimzi.io/cluster", kafkaName(rendered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicIsAKafkaTopicWithItsPartitionsThreeReplicasAndMinInsyncTwo(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Integer> partitions = new TreeMap<>();
        for (Map<String, Object> topic : rendered.ofKind("KafkaTopic")) {
            String name = Tree.string(topic, "spec.topicName");
            assertThat(Tree.map(topic, "metadata.labels")).containsEntry("strimzi.io/cluster", kafkaName(rendered));
            assertThat(Tree.at(topic, "spec.replicas")).as(name).isEqualTo(3);
            assertThat(Tree.map(topic, "spec.config")).as(name).containsEntry("min.insync.replicas", "2");
            assertThat(partitions.put(name, (Integer) Tree.at(topic, "spec.partitions"))).as(name + " twice").isNull();
        }
        assertThat(partitions.keySet()).containsExactlyInAnyOrderElementsOf(Expected.allTopics());
        assertThat(partitions).isEqualTo(new TreeMap<>(Expected.topicsFile()));
    }

    record Acl(String type, String name, String pattern, Set<String> operations) {
    }

    static List<Acl> acls(Map<String, Object> user) {
        return Tree.maps(user, "spec.authorization.acls").stream().map(a -> new Acl(Tree.string(a, "resource.type"),
                Tree.string(a, "resource.name"), Tree.string(a, "resource.patternType"),
                new TreeSet<>(Tree.list(a, "operations").stream().map(String::valueOf).toList()))).toList();
    }

    static Set<String> topics(List<Acl> acls, String operation) {
        Set<String> topics = new TreeSet<>();
        acls.stream().filter(a -> a.type().equals("topic") && a.operations().contains(operation)).forEach(a -> topics.add(a.name()));
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachPartnerHospitalReadsOnlyItsOwnFeed(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(Expected.realmHospitals()).isEqualTo(Expected.identityProviderHospitals()).hasSizeGreaterThanOrEqualTo(2);
        for (String hospital : Expected.realmHospitals()) {
            Map<String, Object> user = rendered.get("KafkaUser", hospital);
            assertThat(Tree.string(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
            List<Acl> acls = acls(user);
            assertThat(acls.stream().filter(a -> a.type().equals("topic")).toList()).as(hospital).singleElement().satisfies(acl -> {
                assertThat(acl.name()).isEqualTo(ca.passerelle.events.Topics.hospitalFeed(hospital));
                assertThat(acl.pattern()).isEqualTo("literal");
                assertThat(acl.operations()).containsExactlyInAnyOrder("Describe", "Read");
            });
            assertThat(acls).as(hospital).allSatisfy(acl -> {
                assertThat(acl.type()).isIn("topic", "group");
                assertThat(acl.name()).as(hospital + ": only its own names").contains(hospital);
                assertThat(acl.pattern()).isEqualTo("literal");
            });
        }
        // No other user may read a hospital's feed.
        for (Map<String, Object> user : rendered.ofKind("KafkaUser")) {
            String name = Tree.string(user, "metadata.name");
            for (Acl acl : acls(user)) {
                if (acl.type().equals("topic") && acl.name().startsWith("passerelle.hospital.") && acl.operations().contains("Read")) {
                    assertThat(acl.name()).as(name + " reads a hospital feed").contains(name);
                }
                assertThat(acl.name().equals("*") && acl.type().equals("topic")).as(name + " has a wildcard topic ACL").isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceReadsWhatItsBindingsConsumeAndWritesItsTopicAndDeadLetters(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (ServiceModule module : ServiceModule.platformServices()) {
            List<Acl> acls = acls(rendered.get("KafkaUser", module.applicationName()));
            Set<String> reads = new TreeSet<>(module.consumedTopics());
            if (module.consumesDeadLetterPattern()) {
                reads.addAll(Expected.deadLetterTopics());
            }
            assertThat(topics(acls, "Read")).as(module.name() + " reads").isEqualTo(reads);
            Set<String> writes = topics(acls, "Write");
            assertThat(writes).as(module.name() + " writes its dead letters and its own topic")
                    .containsAll(module.deadLetterTopics()).containsAll(Expected.producedTopics().get(module.name()));
            Set<String> allowed = new TreeSet<>(module.deadLetterTopics());
            allowed.addAll(Expected.producedTopics().get(module.name()));
            if (module.name().equals("travel-coordination-service")) {
                allowed.add("passerelle.hospital.");
            }
            if (module.name().equals("operations-dashboard")) {
                // dead-letter replay re-publishes a record, unchanged, to the topic it was consumed from
                allowed.addAll(module.consumedTopics());
            }
            assertThat(writes).as(module.name() + " writes nothing else").isEqualTo(allowed);
            if (!module.bindings().isEmpty()) {
                assertThat(acls).contains(new Acl("group", module.consumerGroup(), "literal", Set.of("Describe", "Read")));
            }
        }
    }

    // ---------------------------------------------------------------- scaling and availability

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consumersScaleOnLagUpToTheirPartitionsAndTheOthersOnCpu(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Integer> partitions = Expected.topicsFile();
        for (ServiceModule module : ServiceModule.platformServices()) {
            if (module.bindings().isEmpty()) {
                assertThat(rendered.find("ScaledObject", module.name())).as(module.name()).isEmpty();
                Map<String, Object> hpa = rendered.get("HorizontalPodAutoscaler", module.name());
                assertThat(Tree.string(hpa, "spec.scaleTargetRef.name")).isEqualTo(module.name());
                continue;
            }
            assertThat(rendered.find("HorizontalPodAutoscaler", module.name())).as(module.name() + ": KEDA owns its HPA").isEmpty();
            Map<String, Object> scaled = rendered.get("ScaledObject", module.name());
            assertThat(Tree.string(scaled, "spec.scaleTargetRef.name")).isEqualTo(module.name());
            List<Map<String, Object>> triggers = Tree.maps(scaled, "spec.triggers");
            Set<String> triggerTopics = new TreeSet<>();
            for (Map<String, Object> trigger : triggers) {
                assertThat(trigger.get("type")).isEqualTo("kafka");
                assertThat(Tree.string(trigger, "metadata.consumerGroup")).isEqualTo(module.consumerGroup());
                assertThat(Tree.string(trigger, "metadata.bootstrapServers")).isEqualTo(kafkaName(rendered) + "-kafka-bootstrap:9093");
                assertThat(Tree.string(trigger, "authenticationRef.name")).satisfies(n -> assertThat(rendered.find("TriggerAuthentication", n)).isPresent());
                triggerTopics.add(Tree.string(trigger, "metadata.topic"));
            }
            assertThat(triggerTopics).as(module.name()).isEqualTo(module.consumedTopics());
            int fewest = module.consumedTopics().stream().mapToInt(partitions::get).min().orElseThrow();
            int max = (Integer) Tree.at(scaled, "spec.maxReplicaCount");
            int min = (Integer) Tree.at(scaled, "spec.minReplicaCount");
            assertThat(max).as(module.name() + ": an instance beyond the partitions would idle").isLessThanOrEqualTo(fewest);
            assertThat(min).isBetween(1, max);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void disruptionBudgetsCoverEveryLongRunningWorkloadAndSelectIt(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<Map<String, Object>> budgets = rendered.ofKind("PodDisruptionBudget");
        List<String> covered = new ArrayList<>();
        for (Map<String, Object> budget : budgets) {
            Map<String, String> selector = castStrings(Tree.map(budget, "spec.selector.matchLabels"));
            List<String> matches = workloadsMatching(rendered, selector);
            assertThat(matches).as("PDB " + Tree.string(budget, "metadata.name")).hasSize(1);
            assertThat(Tree.at(budget, "spec.maxUnavailable")).as("never blocks a drain when one replica runs").isEqualTo(1);
            covered.addAll(matches);
        }
        for (ServiceModule module : ServiceModule.platformServices()) {
            assertThat(covered).contains("Deployment/" + module.name());
        }
        assertThat(covered).contains("StatefulSet/mongo", "Deployment/keycloak");
    }

    // ---------------------------------------------------------------- network

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesDenyByDefaultAndSelectPodsThatExist(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Object> deny = rendered.get("NetworkPolicy", "default-deny");
        assertThat(Tree.map(deny, "spec.podSelector")).isEmpty();
        assertThat(Tree.list(deny, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(Tree.list(deny, "spec.ingress")).isEmpty();
        assertThat(Tree.list(deny, "spec.egress")).isEmpty();
        for (Map<String, Object> policy : rendered.ofKind("NetworkPolicy")) {
            String name = Tree.string(policy, "metadata.name");
            Map<String, String> selector = castStrings(Tree.map(policy, "spec.podSelector.matchLabels"));
            if (!selector.isEmpty()) {
                assertThat(selects(rendered, selector)).as(name + " selects " + selector).isTrue();
            }
            List<Map<String, Object>> peers = new ArrayList<>();
            Tree.maps(policy, "spec.ingress").forEach(rule -> peers.addAll(Tree.maps(rule, "from")));
            Tree.maps(policy, "spec.egress").forEach(rule -> peers.addAll(Tree.maps(rule, "to")));
            for (Map<String, Object> peer : peers) {
                if (peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector")) {
                    Map<String, String> peerSelector = castStrings(Tree.map(peer, "podSelector.matchLabels"));
                    assertThat(selects(rendered, peerSelector)).as(name + " peer " + peerSelector).isTrue();
                }
            }
        }
        for (ServiceModule module : ServiceModule.platformServices()) {
            Map<String, Object> policy = rendered.get("NetworkPolicy", module.name());
            assertThat(Tree.list(policy, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            String egress = Tree.list(policy, "spec.egress").toString();
            assertThat(egress).as(module.name()).contains("strimzi.io/cluster=" + kafkaName(rendered)).contains("port=9093")
                    .contains("app.kubernetes.io/name=mongo").contains("app.kubernetes.io/name=keycloak");
            assertThat(Tree.list(policy, "spec.ingress").toString()).as(module.name() + " scraped by Prometheus")
                    .contains("kubernetes.io/metadata.name=monitoring").contains("port=" + module.port());
        }
        assertThat(Tree.list(rendered.get("NetworkPolicy", "facility-gateway"), "spec.ingress").toString())
                .contains("app.kubernetes.io/name=travel-coordination-service").doesNotContain("ingress-nginx");
    }

    // ---------------------------------------------------------------- identity, data, metrics

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakImportsTheRealmAndItsIssuerIsTheServices(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Object> keycloak = rendered.get("Deployment", "keycloak");
        Map<String, Object> container = Tree.maps(keycloak, "spec.template.spec.containers").get(0);
        assertThat(Tree.list(container, "args")).contains("--import-realm")
                .contains(overlay.equals("dev") ? "start-dev" : "start");
        assertThat(Tree.maps(container, "envFrom")).anySatisfy(e -> assertThat(Tree.string(e, "secretRef.name")).isEqualTo("passerelle-oidc-clients"));
        String realmVolume = Tree.maps(container, "volumeMounts").stream().filter(m -> "/opt/keycloak/data/import".equals(m.get("mountPath")))
                .map(m -> String.valueOf(m.get("name"))).findFirst().orElseThrow();
        String configMap = Tree.maps(keycloak, "spec.template.spec.volumes").stream().filter(v -> realmVolume.equals(v.get("name")))
                .map(v -> Tree.string(v, "configMap.name")).findFirst().orElseThrow();
        assertThat(Tree.map(rendered.get("ConfigMap", configMap), "data")).containsEntry("passerelle-realm.json", Repo.read(Expected.REALM_FILE));
        // The Secret behind the placeholders holds every name the realm asks for.
        Set<String> declared = new TreeSet<>();
        Repo.read(".env.example").lines().filter(l -> l.matches("PASSERELLE_(SECRET|PASSWORD)_[A-Z0-9_]+=.*")).forEach(l -> declared.add(l.split("=")[0]));
        assertThat(declared).containsAll(Expected.realmPlaceholders());
        assertThat(CREATE_SECRETS).contains("grep -E '^PASSERELLE_(SECRET|PASSWORD)_[A-Z0-9_]+=' .env.example");
        assertThat(issuer(rendered)).isEqualTo(keycloakHostname(rendered) + "/realms/" + Expected.realmName());
        if (overlay.equals("dev")) {
            assertThat(Tree.maps(container, "env")).noneSatisfy(e -> assertThat(String.valueOf(e.get("name"))).startsWith("KC_DB"));
        } else {
            assertThat(issuer(rendered)).startsWith("https://");
            assertThat(Tree.maps(container, "env")).anySatisfy(e -> assertThat(e.get("name")).isEqualTo("KC_DB_URL"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void mongoIsAThreeMemberReplicaSetWhoseInitJobCreatesEachServicesUser(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Object> mongo = rendered.get("StatefulSet", "mongo");
        assertThat(Tree.at(mongo, "spec.replicas")).isEqualTo(3);
        assertThat(Tree.string(mongo, "spec.serviceName")).isEqualTo("mongo");
        Map<String, Object> mongod = Tree.maps(mongo, "spec.template.spec.containers").get(0);
        assertThat(Tree.list(mongod, "args")).containsSequence("--replSet", "rs0").contains("--keyFile");
        assertThat(Tree.string(rendered.get("Service", "mongo"), "spec.clusterIP")).isEqualTo("None");
        Map<String, Object> job = rendered.get("Job", "mongo-init");
        String scriptsMap = Tree.maps(job, "spec.template.spec.volumes").stream().filter(v -> "scripts".equals(v.get("name")))
                .map(v -> Tree.string(v, "configMap.name")).findFirst().orElseThrow();
        String script = String.valueOf(Tree.map(rendered.get("ConfigMap", scriptsMap), "data").get("init-replica-set.js"));
        assertThat(script).contains("rs.initiate(").contains("rs.add(").contains("readWrite");
        Map<String, Object> init = Tree.maps(job, "spec.template.spec.containers").get(0);
        Set<String> passwords = new TreeSet<>();
        Tree.maps(init, "env").forEach(e -> passwords.add(String.valueOf(e.get("name"))));
        for (ServiceModule module : ServiceModule.platformServices()) {
            if (module.usesMongo()) {
                assertThat(script).contains("'" + module.applicationName() + "'");
                assertThat(passwords).contains("MONGO_PASSWORD_" + module.applicationName().toUpperCase().replace('-', '_'));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryServiceWithAMetricsScraperToken(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Object> monitor = rendered.ofKind("ServiceMonitor").get(0);
        Map<String, String> selector = castStrings(Tree.map(monitor, "spec.selector.matchLabels"));
        Set<String> selected = new TreeSet<>();
        for (Map<String, Object> service : rendered.ofKind("Service")) {
            if (castStrings(Tree.map(service, "metadata.labels")).entrySet().containsAll(selector.entrySet())) {
                selected.add(Tree.string(service, "metadata.name"));
                assertThat(Tree.maps(service, "spec.ports")).anySatisfy(p -> assertThat(p.get("name")).isEqualTo("http"));
                assertThat(Tree.map(service, "metadata.labels")).containsKey(Tree.string(monitor, "spec.jobLabel"));
            }
        }
        assertThat(selected).containsExactlyInAnyOrderElementsOf(ServiceModule.platformServices().stream().map(ServiceModule::name).toList());
        Map<String, Object> endpoint = Tree.maps(monitor, "spec.endpoints").get(0);
        assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.get("port")).isEqualTo("http");
        assertThat(Tree.string(endpoint, "oauth2.clientId.secret.name")).isEqualTo("metrics-scraper");
        assertThat(Tree.string(endpoint, "oauth2.clientSecret.name")).isEqualTo("metrics-scraper");
        assertThat(Tree.string(endpoint, "oauth2.tokenUrl"))
                .isEqualTo("http://keycloak.passerelle.svc.cluster.local:8180/realms/" + Expected.realmName() + "/protocol/openid-connect/token");
        assertThat(Tree.maps(rendered.get("Service", "keycloak"), "spec.ports")).anySatisfy(p -> assertThat(p.get("port")).isEqualTo(8180));
        assertThat(CREATE_SECRETS).contains("create metrics-scraper --from-literal=client-id=metrics-scraper");
        Map<String, Object> dashboard = rendered.get("ConfigMap", "passerelle-grafana-dashboard");
        assertThat(Tree.map(dashboard, "metadata.labels")).containsEntry("grafana_dashboard", "1");
        assertThat(Tree.map(dashboard, "data")).containsEntry("passerelle-dashboard.json", Repo.read(ObservabilityTest.DASHBOARD));
    }

    // ---------------------------------------------------------------- helpers

    static String kafkaName(Rendered rendered) {
        List<Map<String, Object>> clusters = rendered.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        return Tree.string(clusters.get(0), "metadata.name");
    }

    static String keycloakHostname(Rendered rendered) {
        return String.valueOf(Tree.map(rendered.get("ConfigMap", "keycloak-config"), "data").get("KC_HOSTNAME"));
    }

    static String issuer(Rendered rendered) {
        return String.valueOf(Tree.map(rendered.get("ConfigMap", "passerelle-common"), "data").get("PASSERELLE_SECURITY_ISSUER"));
    }

    /** A container's environment: its ConfigMaps (envFrom) then its own env values (secret references as "secret:"). */
    static Map<String, String> environment(Rendered rendered, Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> source : Tree.maps(container, "envFrom")) {
            String configMap = Tree.string(source, "configMapRef.name");
            if (configMap != null) {
                Tree.map(rendered.get("ConfigMap", configMap), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        for (Map<String, Object> variable : Tree.maps(container, "env")) {
            Object value = variable.get("value");
            env.put(String.valueOf(variable.get("name")), value != null ? String.valueOf(value) : "secret:");
        }
        return env;
    }

    /** "secret/key" of an env variable set from a Secret. */
    static String secretRef(Map<String, Object> container, String variable) {
        return Tree.maps(container, "env").stream().filter(e -> variable.equals(e.get("name"))).findFirst()
                .map(e -> Tree.string(e, "valueFrom.secretKeyRef.name") + "/" + Tree.string(e, "valueFrom.secretKeyRef.key"))
                .orElseThrow(() -> new AssertionError("no env " + variable));
    }

    static List<String> workloadsMatching(Rendered rendered, Map<String, String> selector) {
        List<String> matches = new ArrayList<>();
        rendered.podTemplates().forEach((workload, template) -> {
            if (castStrings(Tree.map(template, "metadata.labels")).entrySet().containsAll(selector.entrySet())) {
                matches.add(workload);
            }
        });
        return matches;
    }

    /** Whether some pod of the overlay carries these labels: a workload's, or one Strimzi makes for the Kafka cluster. */
    static boolean selects(Rendered rendered, Map<String, String> selector) {
        if (!workloadsMatching(rendered, selector).isEmpty()) {
            return true;
        }
        Map<String, String> strimzi = Map.of("strimzi.io/cluster", kafkaName(rendered), "strimzi.io/kind", "Kafka");
        return strimzi.entrySet().containsAll(selector.entrySet());
    }

    static Map<String, String> castStrings(Map<String, Object> map) {
        Map<String, String> strings = new TreeMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }
}
