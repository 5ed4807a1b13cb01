package ca.passerelle.gateway.facility.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.passerelle.gateway.facility.Facility;
import ca.passerelle.gateway.facility.Hold;
import ca.passerelle.gateway.facility.Slot;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the facility API's answers as untrusted input: strict JSON (no trailing text, no duplicate keys), then every
 * field the gateway relies on checked for presence, type and value. Anything else is a {@link Violation}, which the
 * client turns into an upstream failure: counted by the breaker, never cached, never passed on as data. Unknown
 * extra fields are ignored (tolerant reader); facility kinds and categories stay open so new upstream values pass.
 */
final class UpstreamContract {

    static final Set<String> SLOT_STATUSES = Set.of("AVAILABLE", "HELD", "BOOKED");
    static final Set<String> HOLD_STATUSES = Set.of("HELD", "CONFIRMED", "RELEASED", "EXPIRED");
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_QUOTED = 40;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private UpstreamContract() {
    }

    static List<Facility> facilities(byte[] body) {
        JsonNode root = array(parse(body), "facilities");
        List<Facility> facilities = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            String at = "facilities[" + i + "]";
            JsonNode facility = object(root.get(i), at);
            facilities.add(new Facility(id(facility, at + ".id"), requiredText(facility, "name", at), requiredText(facility, "kind", at),
                    requiredText(facility, "country", at), optionalText(facility, "region", at), optionalText(facility, "city", at),
                    texts(facility, "categories", at), texts(facility, "languages", at)));
        }
        return facilities;
    }

    static List<Slot> slots(byte[] body, String facilityId) {
        JsonNode root = array(parse(body), "slots");
        List<Slot> slots = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            String at = "slots[" + i + "]";
            JsonNode slot = object(root.get(i), at);
            String owner = id(slot, at + ".facilityId");
            if (!owner.equals(facilityId)) {
                throw new Violation(at + ".facilityId: " + quoted(owner) + " is not the facility asked for");
            }
            slots.add(new Slot(id(slot, at + ".slotId"), owner, date(slot, "date", at), oneOf(slot, "status", SLOT_STATUSES, at)));
        }
        return slots;
    }

    static Hold hold(byte[] body, String expectedStatus) {
        JsonNode hold = object(parse(body), "hold");
        String status = oneOf(hold, "status", HOLD_STATUSES, "hold");
        if (!status.equals(expectedStatus)) {
            throw new Violation("hold.status: " + quoted(status) + " where " + expectedStatus + " was expected");
        }
        JsonNode expiresAt = hold.get("expiresAt");
        Instant expires = null;
        if (expiresAt != null && !expiresAt.isNull()) {
            expires = instant(expiresAt, "hold.expiresAt");
        } else if ("HELD".equals(status)) {
            throw new Violation("hold.expiresAt: missing on a HELD hold");
        }
        return new Hold(id(hold, "hold.holdId"), id(hold, "hold.slotId"), id(hold, "hold.facilityId"), date(hold, "date", "hold"), status,
                requiredText(hold, "reference", "hold"), expires);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Violation("empty body");
        }
        try {
            return STRICT.readTree(body);
        } catch (JacksonException e) {
            throw new Violation("not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static JsonNode array(JsonNode node, String at) {
        if (node == null || !node.isArray()) {
            throw new Violation(at + ": an array was expected");
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new Violation(at + ": an object was expected");
        }
        return node;
    }

    private static String id(JsonNode parent, String at) {
        String field = at.substring(at.lastIndexOf('.') + 1);
        String id = requiredText(parent, field, at.substring(0, at.lastIndexOf('.')));
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isWhitespace)) {
            throw new Violation(at + ": " + quoted(id) + " is not an id");
        }
        return id;
    }

    private static String requiredText(JsonNode parent, String field, String at) {
        String text = optionalText(parent, field, at);
        if (text == null || text.isBlank()) {
            throw new Violation(at + "." + field + ": missing or blank");
        }
        return text;
    }

    private static String optionalText(JsonNode parent, String field, String at) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Violation(at + "." + field + ": a string was expected, not " + value.getNodeType());
        }
        return value.stringValue();
    }

    private static List<String> texts(JsonNode parent, String field, String at) {
        JsonNode values = parent.get(field);
        if (values == null || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw new Violation(at + "." + field + ": an array of strings was expected, not " + values.getNodeType());
        }
        List<String> texts = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (!value.isString() || value.stringValue().isBlank()) {
                throw new Violation(at + "." + field + "[" + i + "]: a non-blank string was expected");
            }
            texts.add(value.stringValue());
        }
        return texts;
    }

    private static String oneOf(JsonNode parent, String field, Set<String> allowed, String at) {
        String value = requiredText(parent, field, at);
        if (!allowed.contains(value)) {
            throw new Violation(at + "." + field + ": " + quoted(value) + " is not one of " + allowed);
        }
        return value;
    }

    private static LocalDate date(JsonNode parent, String field, String at) {
        String value = requiredText(parent, field, at);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Violation(at + "." + field + ": " + quoted(value) + " is not an ISO date");
        }
    }

    private static Instant instant(JsonNode value, String at) {
        if (!value.isString()) {
            throw new Violation(at + ": an ISO instant string was expected, not " + value.getNodeType());
        }
        try {
            return Instant.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw new Violation(at + ": " + quoted(value.stringValue()) + " is not an ISO instant");
        }
    }

    /** Untrusted text goes into logs and problem details: short, and quoted. */
    private static String quoted(String value) {
        return "\"" + (value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value) + "\"";
    }

    /** An answer outside the facility API's contract. */
    static final class Violation extends RuntimeException {

        Violation(String message) {
            super(message);
        }
    }
}
