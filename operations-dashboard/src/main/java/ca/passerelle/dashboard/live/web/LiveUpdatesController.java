package ca.passerelle.dashboard.live.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ca.passerelle.dashboard.ReadModelChanged;

/**
 * {@code GET /live}: server-sent events for the open pages (coordinator's session). Each change of the read model —
 * a case projected, a dead letter stored or replayed, a facility-API state — is sent as a small event {@code changed}
 * with {@code {"what","caseId"}} (the pseudonymous case id, nothing else); the page's script ({@code /js/live.js})
 * then has htmx fetch the page again and swap its content. Pages work without it (plain links and forms).
 */
@Controller
class LiveUpdatesController {

    static final String EVENT = "changed";
    /** How long one stream stays open; the browser's EventSource reconnects by itself. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final CopyOnWriteArrayList<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live() throws IOException {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        emitters.add(emitter);
        // a first comment opens the stream at once (headers flushed), before any change
        emitter.send(SseEmitter.event().comment("live"));
        return emitter;
    }

    @EventListener
    void on(ReadModelChanged change) {
        Change data = new Change(change.what(), change.caseId());
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name(EVENT).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
                emitter.completeWithError(e);
            }
        }
    }

    /**
     * On shutdown, ends every open stream first: an event stream is a request that never ends by itself, and the web
     * server's graceful shutdown would wait for it (the browsers reconnect to another instance).
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        for (SseEmitter emitter : emitters) {
            emitters.remove(emitter);
            emitter.complete();
        }
    }

    /** The event's data: what changed and, for a case, its (pseudonymous) id. */
    record Change(String what, String caseId) {
    }

}
