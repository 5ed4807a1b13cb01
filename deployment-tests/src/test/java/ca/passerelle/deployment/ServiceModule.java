package ca.passerelle.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.passerelle.events.Topics;

/**
 * A runnable module (a Spring Boot application: its pom packages it with spring-boot-maven-plugin) as its own
 * configuration describes it: src/main/resources/application.yml and its pom.
 */
record ServiceModule(String name, int port, boolean platform, Map<String, Object> yaml, Map<String, String> properties,
        List<Binding> bindings, String applicationYmlText) {

    /** The platform's defaults (ServiceDefaults): consumer group = application name, dead letters on, issuer. */
    static final String DEFAULT_ISSUER_PROPERTY = "passerelle.security.issuer";
    /** ServiceDefaults' spring.cloud.stream.kafka.binder.min-partition-count. */
    static final int MIN_PARTITION_COUNT = 3;

    /** A consumer binding ({@code <function>-in-<n>}). */
    record Binding(String name, List<String> destinations, String group, boolean pattern, boolean deadLetters) {

        List<String> deadLetterTopics() {
            return deadLetters && !pattern ? destinations.stream().map(d -> Topics.deadLetter(d, group)).toList() : List.of();
        }
    }

    static List<ServiceModule> all() {
        try (Stream<Path> dirs = Files.list(Repo.ROOT)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isRegularFile(dir.resolve("src/main/resources/application.yml"))
                    && Repo.read(dir.resolve("pom.xml")).contains("<artifactId>spring-boot-maven-plugin</artifactId>"))
                    .map(dir -> load(dir.getFileName().toString()))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services built on service-platform: Kafka, MongoDB, bearer tokens, metrics. */
    static List<ServiceModule> platformServices() {
        return all().stream().filter(ServiceModule::platform).toList();
    }

    static ServiceModule named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no module " + name));
    }

    @SuppressWarnings("unchecked")
    static ServiceModule load(String module) {
        String text = Repo.read(module + "/src/main/resources/application.yml");
        Map<String, Object> yaml = Repo.yamlDocuments(text).get(0);
        Map<String, String> properties = Tree.flatten(yaml);
        String portValue = properties.get("server.port");
        if (portValue == null) {
            throw new AssertionError(module + " sets no server.port");
        }
        boolean platform = Repo.read(module + "/pom.xml").contains("<artifactId>service-platform</artifactId>");
        String applicationName = properties.getOrDefault("spring.application.name", module);
        String defaultGroup = properties.getOrDefault("spring.cloud.stream.default.group", applicationName);
        List<Binding> bindings = new ArrayList<>();
        Map<String, Object> declared = Tree.map(yaml, "spring.cloud.stream.bindings");
        Map<String, Object> kafkaBindings = Tree.map(yaml, "spring.cloud.stream.kafka.bindings");
        declared.forEach((name, value) -> {
            if (!name.contains("-in-")) {
                return;
            }
            Map<String, Object> binding = (Map<String, Object>) value;
            String destination = String.valueOf(binding.get("destination"));
            Object group = binding.get("group");
            Object consumer = Tree.at(kafkaBindings.get(name), "consumer");
            boolean pattern = Boolean.parseBoolean(String.valueOf(Tree.at(consumer, "destination-is-pattern")));
            Object enableDlq = Tree.at(consumer, "enable-dlq");
            boolean deadLetters = enableDlq == null || Boolean.parseBoolean(String.valueOf(enableDlq));
            bindings.add(new Binding(name, Arrays.stream(destination.split(",")).map(String::trim).toList(),
                    group == null ? defaultGroup : String.valueOf(group), pattern, deadLetters));
        });
        return new ServiceModule(module, Integer.parseInt(portValue), platform, yaml, properties, List.copyOf(bindings), text);
    }

    String applicationName() {
        return properties.getOrDefault("spring.application.name", name);
    }

    boolean usesMongo() {
        return properties.containsKey("spring.mongodb.uri");
    }

    boolean usesKafka() {
        return properties.containsKey("spring.kafka.bootstrap-servers");
    }

    /** Literal topics this service reads (pattern bindings excluded). */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        bindings.stream().filter(b -> !b.pattern()).forEach(b -> topics.addAll(b.destinations()));
        return topics;
    }

    boolean consumesDeadLetterPattern() {
        return bindings.stream().anyMatch(b -> b.pattern() && b.destinations().stream().anyMatch(d -> d.endsWith("dlq")));
    }

    Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        bindings.forEach(b -> topics.addAll(b.deadLetterTopics()));
        return topics;
    }

    String consumerGroup() {
        return bindings.isEmpty() ? applicationName() : bindings.get(0).group();
    }

    /**
     * Properties that point at this machine (localhost, 127.0.0.1): outside a local run each must be overridden, so
     * each gives the environment variable a container needs. The platform's issuer default counts for platform services.
     */
    Map<String, String> localAddressProperties() {
        Map<String, String> local = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if ((value.contains("localhost") || value.contains("127.0.0.1")) && !key.startsWith("passerelle.identity.")) {
                local.put(key, value);
            }
        });
        if (platform) {
            local.putIfAbsent(DEFAULT_ISSUER_PROPERTY, "http://127.0.0.1:9000");
        }
        return local;
    }

    /**
     * Environment variables the configuration reads by name ({@code ${UPPER_CASE:default}}): secrets and keys whose
     * defaults are local demo values, so every deployment must set each one.
     */
    Set<String> environmentVariables() {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]").matcher(applicationYmlText);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** Whether the service has an OAuth2 client (its own tokens, or a login) whose provider endpoints live at the IdP. */
    boolean hasOAuth2Client() {
        return properties.keySet().stream().anyMatch(k -> k.startsWith("spring.security.oauth2.client.registration."));
    }

    /** The provider endpoint properties spelled out in application.yml (SAS paths under the issuer). */
    Map<String, String> providerEndpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("spring.security.oauth2.client.provider.") && key.endsWith("-uri")) {
                endpoints.put(key, value);
            }
        });
        return endpoints;
    }
}
