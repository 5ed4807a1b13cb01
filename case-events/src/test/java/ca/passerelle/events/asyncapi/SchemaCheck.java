package ca.passerelle.events.asyncapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small JSON Schema checker for the subset the generated document uses: {@code $ref} (local), {@code allOf},
 * {@code oneOf}, {@code type} (one or several), {@code properties}, {@code required}, {@code items}, {@code enum},
 * {@code const}, {@code pattern}, {@code minimum}, {@code format} ({@code date}, {@code date-time}). Strict: a
 * property the schema does not declare is an error too, so that a payload field the generator forgot cannot hide.
 */
final class SchemaCheck {

    private final Map<String, Object> document;

    SchemaCheck(Map<String, Object> document) {
        this.document = document;
    }

    /** The errors of {@code value} against {@code schema}, each with its JSON path; empty when valid. */
    List<String> errors(Object value, Map<String, Object> schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors, true);
        return errors;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        while (current.get("$ref") instanceof String ref) {
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references: " + ref);
            }
            Object node = document;
            for (String segment : ref.substring(2).split("/")) {
                node = ((Map<String, Object>) node).get(segment.replace("~1", "/").replace("~0", "~"));
                if (node == null) {
                    throw new IllegalArgumentException("unresolved reference " + ref);
                }
            }
            current = (Map<String, Object>) node;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private void check(Object value, Map<String, Object> raw, String path, List<String> errors, boolean closeObject) {
        Map<String, Object> schema = resolve(raw);
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> check(value, (Map<String, Object>) part, path, errors, false));
        }
        if (schema.get("oneOf") instanceof List<?> alternatives) {
            long matching = alternatives.stream().filter(alternative -> {
                List<String> own = new ArrayList<>();
                check(value, (Map<String, Object>) alternative, path, own, closeObject);
                return own.isEmpty();
            }).count();
            if (matching != 1) {
                errors.add(path + ": matches " + matching + " of the oneOf alternatives, not exactly one");
            }
        }
        if (schema.containsKey("const") && !sameValue(schema.get("const"), value)) {
            errors.add(path + ": must be " + schema.get("const"));
        }
        if (schema.get("enum") instanceof List<?> values && values.stream().noneMatch(allowed -> sameValue(allowed, value))) {
            errors.add(path + ": not one of " + values);
        }
        if (schema.containsKey("type") && !hasType(value, schema.get("type"))) {
            errors.add(path + ": expected " + schema.get("type") + " but was " + (value == null ? "null" : value.getClass().getSimpleName()));
            return;
        }
        if (value instanceof String text) {
            if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(text).find()) {
                errors.add(path + ": does not match " + pattern);
            }
            if (schema.get("format") instanceof String format && !hasFormat(text, format)) {
                errors.add(path + ": not a " + format);
            }
        }
        if (value instanceof Number number && schema.get("minimum") instanceof Number minimum && number.doubleValue() < minimum.doubleValue()) {
            errors.add(path + ": below " + minimum);
        }
        if (value instanceof List<?> items && schema.get("items") instanceof Map<?, ?> itemSchema) {
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), (Map<String, Object>) itemSchema, path + "[" + i + "]", errors, true);
            }
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!object.containsKey(required)) {
                    errors.add(path + ": " + required + " is required");
                }
            }
            properties.forEach((name, propertySchema) -> {
                if (object.containsKey(name)) {
                    check(object.get(name), (Map<String, Object>) propertySchema, path + "." + name, errors, true);
                }
            });
            if (closeObject) {
                Set<String> declared = declared(schema);
                if (!declared.isEmpty()) {
                    object.keySet().stream().filter(key -> !declared.contains(key))
                            .forEach(key -> errors.add(path + "." + key + ": not declared in the schema"));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> declared(Map<String, Object> schema) {
        Set<String> names = new LinkedHashSet<>(((Map<String, Object>) schema.getOrDefault("properties", Map.of())).keySet());
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> names.addAll(declared(resolve((Map<String, Object>) part))));
        }
        return names;
    }

    private static boolean hasType(Object value, Object type) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(one -> hasType(value, one));
        }
        return switch ((String) type) {
            case "null" -> value == null;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
                    || value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue()) && !(value instanceof Double || value instanceof Float);
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean hasFormat(String text, String format) {
        try {
            switch (format) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> {
                    if (!text.endsWith("Z")) {
                        OffsetDateTime.parse(text);
                    } else {
                        Instant.parse(text);
                    }
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(expected, actual);
    }
}
