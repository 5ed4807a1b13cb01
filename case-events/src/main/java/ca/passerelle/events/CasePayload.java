package ca.passerelle.events;

/** A payload about one case; the case id is the envelope's subject and the Kafka key, so a case's events stay in order. */
public interface CasePayload {

    String caseId();
}
