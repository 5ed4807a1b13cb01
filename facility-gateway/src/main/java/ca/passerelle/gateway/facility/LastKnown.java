package ca.passerelle.gateway.facility;

import java.time.Instant;

/** A successful upstream answer as remembered, with when it was fetched. */
public record LastKnown<T>(T value, Instant asOf) {
}
