package ca.passerelle.events.asyncapi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * JSON Schemas of the payload records, by reflection: records become objects (properties in component order), enums
 * string enumerations, lists arrays, {@code LocalDate} and {@code Instant} strings of format {@code date} and
 * {@code date-time}. A type with no mapping fails the generation, so a new kind of field cannot slip through unschemed.
 * <p>
 * Which fields are required is not guessed: each record's canonical constructor is <em>probed</em> with a known-valid
 * instance (taken from the golden samples) in which one component at a time is set to null, or to a blank string. A
 * component whose null the constructor refuses ({@code Contract.require*}) is {@code required}; one whose blank it
 * refuses ({@code Contract.requireText}) gets {@code pattern: \S} (not blank). Other components may be absent or null.
 * Primitive components are always written and listed as required. Value ranges ({@code Contract.requireRange}) are
 * not probed: the records remain the authority for them.
 */
final class PayloadSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<Class<?>, List<Object>> samples;
    private final Map<String, Map<String, Object>> schemas = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();
    private final List<Class<?>> unprobed = new ArrayList<>();

    /** @param samplePayloads valid payloads (the golden samples'); every record they reach is a probe for its class */
    PayloadSchemas(Collection<?> samplePayloads) {
        this.samples = new HashMap<>();
        samplePayloads.forEach(this::collect);
    }

    /** The named schemas created so far, by name (the record's or enum's simple name). */
    Map<String, Map<String, Object>> schemas() {
        return schemas;
    }

    /** Record classes no golden sample holds an instance of: their required-ness could not be probed. */
    List<Class<?>> unprobed() {
        return unprobed;
    }

    /** A {@code $ref} to the named schema of a record or enum, creating it (and what it reaches) on first use. */
    Map<String, Object> refTo(Class<?> type) {
        String name = names.get(type);
        if (name == null) {
            name = type.getSimpleName();
            if (schemas.containsKey(name)) {
                throw new IllegalStateException("two contract types are named " + name + ": " + type.getName());
            }
            names.put(type, name);
            schemas.put(name, new LinkedHashMap<>());
            schemas.get(name).putAll(type.isEnum() ? enumSchema(type) : recordSchema(type));
        }
        return Map.of("$ref", REF_PREFIX + name);
    }

    private Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && (List.class.equals(raw) || Set.class.equals(raw))) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            array.put("items", schemaOf(parameterized.getActualTypeArguments()[0]));
            if (Set.class.equals(raw)) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (!(type instanceof Class<?> cls)) {
            throw new IllegalStateException("no JSON Schema mapping for " + type.getTypeName());
        }
        if (cls == String.class) {
            return ordered("type", "string");
        }
        if (cls == Integer.class || cls == int.class || cls == Long.class || cls == long.class || cls == Short.class || cls == short.class) {
            return ordered("type", "integer");
        }
        if (cls == Double.class || cls == double.class || cls == Float.class || cls == float.class || cls == BigDecimal.class) {
            return ordered("type", "number");
        }
        if (cls == Boolean.class || cls == boolean.class) {
            return ordered("type", "boolean");
        }
        if (cls == Instant.class) {
            return ordered("type", "string", "format", "date-time");
        }
        if (cls == LocalDate.class) {
            return ordered("type", "string", "format", "date");
        }
        if (cls.isEnum() || cls.isRecord()) {
            return refTo(cls);
        }
        throw new IllegalStateException("no JSON Schema mapping for " + cls.getName());
    }

    private Map<String, Object> enumSchema(Class<?> type) {
        Map<String, Object> schema = ordered("type", "string");
        List<String> values = new ArrayList<>();
        String fallback = null;
        for (Object constant : type.getEnumConstants()) {
            String value = ((Enum<?>) constant).name();
            values.add(value);
            try {
                if (type.getField(value).isAnnotationPresent(JsonEnumDefaultValue.class)) {
                    fallback = value;
                }
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        schema.put("enum", values);
        if (fallback != null) {
            schema.put("description", "Readers take a code they do not know as " + fallback + ".");
        }
        return schema;
    }

    private Map<String, Object> recordSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is neither a record nor an enum");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object sample = samples.getOrDefault(type, List.of()).stream().findFirst().orElse(null);
        if (sample == null) {
            unprobed.add(type);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Map<String, Object> property = new LinkedHashMap<>(schemaOf(component.getGenericType()));
            boolean isRequired = component.getType().isPrimitive() || sample != null && refuses(type, sample, i, null);
            if (component.getType() == String.class && sample != null && refuses(type, sample, i, " ")) {
                property.put("pattern", "\\S");
            }
            if (isRequired) {
                required.add(component.getName());
            } else {
                property = nullable(property);
            }
            properties.put(component.getName(), property);
        }
        Map<String, Object> schema = ordered("type", "object", "title", type.getSimpleName());
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (sample == null) {
            schema.put("description", "Required fields not probed: no golden sample holds one.");
        }
        return schema;
    }

    /** Whether the canonical constructor refuses the sample with component {@code index} replaced by {@code value}. */
    private static boolean refuses(Class<?> type, Object sample, int index, Object value) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().setAccessible(true);
                arguments[i] = i == index ? value : components[i].getAccessor().invoke(sample);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            constructor.newInstance(arguments);
            return false;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException) {
                return true;
            }
            throw new IllegalStateException("probing " + type.getSimpleName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot probe " + type.getSimpleName(), e);
        }
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.get("type") instanceof String type) {
            Map<String, Object> copy = new LinkedHashMap<>(schema);
            copy.put("type", List.of(type, "null"));
            return copy;
        }
        Map<String, Object> either = new LinkedHashMap<>();
        either.put("oneOf", List.of(schema, Map.of("type", "null")));
        return either;
    }

    private void collect(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> values) {
            values.forEach(this::collect);
            return;
        }
        if (value.getClass().isRecord()) {
            samples.computeIfAbsent(value.getClass(), key -> new ArrayList<>()).add(value);
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    collect(component.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
