package ca.passerelle.deployment;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.passerelle.events.Topics;

/** What the code and the identity configuration say must exist: topics, hospitals, realm placeholders. */
final class Expected {

    static final String REALM_FILE = "deploy/keycloak/passerelle-realm.json";
    static final String TOPICS_FILE = "deploy/topics.txt";

    private Expected() {
    }

    /** The fixed topics of {@link Topics} (its public constants). */
    static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    static Map<String, Object> realm() {
        return Repo.yamlMap(REALM_FILE);
    }

    static String realmName() {
        return String.valueOf(realm().get("realm"));
    }

    /** Partner hospitals of the Keycloak realm: confidential clients with a hard-coded hospital_id claim. */
    static Set<String> realmHospitals() {
        Set<String> hospitals = new TreeSet<>();
        for (Map<String, Object> client : Tree.maps(realm(), "clients")) {
            for (Map<String, Object> mapper : Tree.maps(client, "protocolMappers")) {
                Map<String, Object> config = Tree.map(mapper, "config");
                if ("oidc-hardcoded-claim-mapper".equals(mapper.get("protocolMapper")) && "hospital_id".equals(config.get("claim.name"))) {
                    hospitals.add(String.valueOf(config.get("claim.value")));
                }
            }
        }
        return hospitals;
    }

    /** Partner hospitals of the local identity provider (passerelle.identity.clients[*].hospital-id). */
    static Set<String> identityProviderHospitals() {
        Set<String> hospitals = new TreeSet<>();
        ServiceModule idp = ServiceModule.named("identity-provider");
        for (Map<String, Object> client : Tree.maps(idp.yaml(), "passerelle.identity.clients")) {
            if (client.get("hospital-id") != null) {
                hospitals.add(String.valueOf(client.get("hospital-id")));
            }
        }
        return hospitals;
    }

    static Set<String> hospitalFeeds() {
        Set<String> feeds = new TreeSet<>();
        realmHospitals().forEach(h -> feeds.add(Topics.hospitalFeed(h)));
        return feeds;
    }

    /** Dead-letter topics the consumers' bindings imply ({@code <topic>.<group>.dlq}). */
    static Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        ServiceModule.all().forEach(m -> topics.addAll(m.deadLetterTopics()));
        return topics;
    }

    /** Every topic that must exist: contracts, dead letters, one feed per hospital. */
    static Set<String> allTopics() {
        Set<String> topics = new TreeSet<>(contractTopics());
        topics.addAll(deadLetterTopics());
        topics.addAll(hospitalFeeds());
        return topics;
    }

    /** deploy/topics.txt: topic → partitions. */
    static Map<String, Integer> topicsFile() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String line : Repo.read(TOPICS_FILE).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2 || topics.put(parts[0], Integer.parseInt(parts[1])) != null) {
                throw new AssertionError("bad or repeated line in " + TOPICS_FILE + ": " + line);
            }
        }
        return topics;
    }

    /** ${VAR} placeholders of the realm export (Keycloak resolves them from its environment at import). */
    static Set<String> realmPlaceholders() {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}").matcher(Repo.read(REALM_FILE));
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The producer of each context topic (README "Events"): service → topics it writes. */
    static Map<String, List<String>> producedTopics() {
        return Map.of(
                "intake-service", List.of(Topics.INTAKE),
                "assessment-service", List.of(Topics.ASSESSMENT),
                "travel-coordination-service", List.of(Topics.TRAVEL),
                "rehab-followup-service", List.of(Topics.REHAB),
                "facility-gateway", List.of(Topics.FACILITY_STATUS),
                "operations-dashboard", List.of());
    }

    /** An environment variable name that holds a secret. */
    static boolean isSecretName(String variable) {
        return variable.matches(".*(SECRET|PASSWORD|KEYSET|JAAS|CREDENTIAL|PRIVATE).*|.*_KEY") && !variable.endsWith("_FILE");
    }
}
