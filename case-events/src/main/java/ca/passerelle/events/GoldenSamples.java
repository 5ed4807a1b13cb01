package ca.passerelle.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden sample of each event type, shipped with the contracts: producers' tests check that they write exactly
 * this JSON, consumers' tests read this same file.
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    public static String json(EventType<?> type) {
        String resource = "samples/" + type.name() + ".json";
        try (InputStream in = GoldenSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No golden sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventEnvelope envelope(EventType<?> type) {
        return EventCodec.read(json(type));
    }

    public static <T> T payload(EventType<T> type) {
        return EventCodec.payload(envelope(type), type);
    }
}
