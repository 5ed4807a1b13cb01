package ca.passerelle.events.asyncapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventType;
import ca.passerelle.events.Topics;

/**
 * What of the contracts an AsyncAPI document leaves out: a topic of {@link Topics} without its channel (or its
 * dead-letter channel), an event type of {@link EventCatalog} without its message or not on its topic's channel, the
 * per-hospital feed without its parameterised channel.
 */
final class AsyncApiCoverage {

    private AsyncApiCoverage() {
    }

    @SuppressWarnings("unchecked")
    static List<String> missing(Map<String, Object> document) {
        List<String> missing = new ArrayList<>();
        Map<String, Object> channels = (Map<String, Object>) document.getOrDefault("channels", Map.of());
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Object> messages = (Map<String, Object>) components.getOrDefault("messages", Map.of());
        for (String topic : AsyncApiDocument.topics()) {
            if (channelAt(channels, topic).isEmpty()) {
                missing.add("topic " + topic);
            }
            if (channelAt(channels, Topics.deadLetter(topic, "{group}")).isEmpty()) {
                missing.add("dead-letter channel of " + topic);
            }
        }
        for (EventType<?> type : EventCatalog.all()) {
            if (!messages.containsKey(type.name())) {
                missing.add("message " + type.name());
            }
            Optional<Map<String, Object>> channel = channelAt(channels, type.topic());
            if (channel.isPresent() && !((Map<String, Object>) channel.get().getOrDefault("messages", Map.of())).containsKey(type.name())) {
                missing.add("event type " + type.name() + " on " + type.topic());
            }
            if (channel.isEmpty()) {
                missing.add("topic " + type.topic() + " of " + type.name());
            }
        }
        Optional<Map<String, Object>> feed = channels.values().stream().map(channel -> (Map<String, Object>) channel)
                .filter(channel -> {
                    Object address = channel.get("address");
                    return address instanceof String text && text.contains("{hospitalId}")
                            && text.replace("{hospitalId}", "fr-lyon-chu-01").equals(Topics.hospitalFeed("fr-lyon-chu-01"));
                }).findFirst();
        if (feed.isEmpty() || !((Map<String, Object>) feed.get().getOrDefault("parameters", Map.of())).containsKey("hospitalId")) {
            missing.add("per-hospital feed channel " + Topics.hospitalFeed("fr-lyon-chu-01").replace("fr-lyon-chu-01", "{hospitalId}"));
        } else if (!((Map<String, Object>) feed.get().getOrDefault("messages", Map.of())).containsKey(AsyncApiDocument.HOSPITAL_APPOINTMENT_TYPE)) {
            missing.add("event type " + AsyncApiDocument.HOSPITAL_APPOINTMENT_TYPE + " on the per-hospital feed");
        }
        return missing;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> channelAt(Map<String, Object> channels, String address) {
        return channels.values().stream().map(channel -> (Map<String, Object>) channel)
                .filter(channel -> address.equals(channel.get("address"))).findFirst();
    }
}
