/** Outbox inside the aggregate's own document, its relay to Kafka, idempotent consumption and dead letters: no multi-document transaction needed. */
package ca.passerelle.platform.messaging;
