package ca.passerelle.reliability;

/** One event the run must find on a topic: the subject (case id) it is about and its type. */
record Expectation(String topic, String subject, String type) {
}
