package ca.passerelle.reliability;

/** One event as an outside observer read it from a topic: where it was and what its envelope said. */
record ObservedEvent(String topic, int partition, long offset, String id, String subject, String type, long sequence) {
}
