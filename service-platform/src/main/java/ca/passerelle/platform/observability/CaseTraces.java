package ca.passerelle.platform.observability;

import java.util.Map;

import org.slf4j.MDC;

import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.messaging.EventRouter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Work a service starts by itself on a case (a scheduled saga step, a sweep, a re-check) continues the case's trace
 * instead of the scheduler's: it runs in a new span, child of the {@code traceparent} the case's document was first
 * written in ({@link AggregateDocument#caseTraceparent()}), with the case id in the logging MDC. So the events it raises,
 * and its log lines, are in the one trace that follows the case from intake to rehabilitation, and a scheduler run that
 * advances several cases does not mix them in one trace. Without tracing, or for a document that kept no
 * {@code traceparent}, the work simply runs (with the case id in the MDC).
 */
public class CaseTraces {

    /** The span's name, low-cardinality: what kind of step, never an id. */
    private static final String SPAN = "passerelle.case.step";

    private final Tracer tracer;
    private final Propagator propagator;

    public CaseTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs {@code work}, a step of kind {@code step} (e.g. {@code booking-saga}) on {@code caseId}, in the case's trace. */
    public void continueCase(AggregateDocument caseDocument, String caseId, String step, Runnable work) {
        String previousCaseId = MDC.get(EventRouter.CASE_ID);
        MDC.put(EventRouter.CASE_ID, caseId);
        try {
            String traceparent = caseDocument == null ? null : caseDocument.caseTraceparent();
            if (traceparent == null || tracer == Tracer.NOOP) {
                work.run();
                return;
            }
            Span span = propagator.extract(Map.of("traceparent", traceparent), Map::get).name(SPAN).tag("step", step).start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                work.run();
            } catch (RuntimeException | Error e) {
                span.error(e);
                throw e;
            } finally {
                span.end();
            }
        } finally {
            if (previousCaseId == null) {
                MDC.remove(EventRouter.CASE_ID);
            } else {
                MDC.put(EventRouter.CASE_ID, previousCaseId);
            }
        }
    }
}
