package ca.passerelle.gateway.facility;

import java.time.Instant;
import java.util.Optional;

/** The last successful answer to each distinct read request, kept to answer (marked stale) when upstream cannot. */
public interface LastKnownAnswers {

    <T> void remember(String requestKey, T answer, Instant asOf);

    <T> Optional<LastKnown<T>> recall(String requestKey, Class<T> type);
}
