package ca.passerelle.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} of the current span, kept with an outbox entry, and the way back: the relay publishes
 * the entry in a child span of it, so one trace follows a case across the outbox. Micrometer Tracing's OpenTelemetry
 * bridge keeps the current span in OpenTelemetry's {@link Context}, which these read and write.
 */
final class TraceParents {

    static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The {@code traceparent} of the current span, or null outside any (valid) span. */
    static String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** A context whose (remote) parent span is {@code traceparent}; the root context if it is null or malformed. */
    static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP_GETTER);
    }
}
