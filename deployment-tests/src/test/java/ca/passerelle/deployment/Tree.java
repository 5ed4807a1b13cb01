package ca.passerelle.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers to walk parsed YAML/JSON (maps, lists, scalars). */
final class Tree {

    private Tree() {
    }

    /** The value at a path of map keys ({@code "spec.template.spec"}), or null. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String path) {
        Object value = at(node, path);
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String path) {
        return (List<Map<String, Object>>) (List<?>) list(node, path).stream().filter(Map.class::isInstance).toList();
    }

    static String string(Object node, String path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    /** Spring-style flattening: nested keys joined with dots, list items as {@code [i]}. */
    static Map<String, String> flatten(Map<String, Object> tree) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }

    /**
     * The environment variable Spring Boot binds to a property (canonical form: dots and list brackets become
     * underscores, dashes are dropped, upper case): {@code passerelle.travel.facility-gateway.base-url} →
     * {@code PASSERELLE_TRAVEL_FACILITYGATEWAY_BASEURL}.
     */
    static String envName(String property) {
        return property.replace("[", ".").replace("]", "").replace("-", "").replace('.', '_').toUpperCase();
    }

    /** Both names Spring Boot accepts: the canonical one and the legacy one (dashes as underscores). */
    static List<String> envNames(String property) {
        String legacy = property.replace("[", ".").replace("]", "").replace('-', '_').replace('.', '_').toUpperCase();
        return envName(property).equals(legacy) ? List.of(legacy) : List.of(envName(property), legacy);
    }

    /** The value of whichever of a property's environment names is set, or null. */
    static String envValue(Map<String, String> environment, String property) {
        return envNames(property).stream().filter(environment::containsKey).findFirst().map(environment::get).orElse(null);
    }
}
