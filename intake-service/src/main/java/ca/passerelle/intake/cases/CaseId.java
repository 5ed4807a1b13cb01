package ca.passerelle.intake.cases;

import java.util.UUID;

import ca.passerelle.platform.web.InvalidInputException;

/** The opaque id of a case, {@code c-<uuid>}: the only way events and other services name a case. */
public record CaseId(String value) {

    public CaseId {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("case id is required");
        }
    }

    public static CaseId random() {
        return new CaseId("c-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
