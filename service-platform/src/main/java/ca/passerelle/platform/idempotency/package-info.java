/** Idempotent POSTs: the {@code Idempotency-Key} header and the fingerprint kept with it. */
package ca.passerelle.platform.idempotency;
