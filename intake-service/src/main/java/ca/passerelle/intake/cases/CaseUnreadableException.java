package ca.passerelle.intake.cases;

/**
 * A stored case whose protected fields fail their integrity check (tampered, moved from another case or field, or sealed
 * with a key no longer configured). Carries only the case id and its clinic, so the tenant check still comes first.
 */
public class CaseUnreadableException extends RuntimeException {

    public static final String PROBLEM = "case-unreadable";

    private final String caseId;
    private final String clinicId;

    public CaseUnreadableException(String caseId, String clinicId, Throwable cause) {
        super("The stored identity of this case failed its integrity check", cause);
        this.caseId = caseId;
        this.clinicId = clinicId;
    }

    public String caseId() {
        return caseId;
    }

    public String clinicId() {
        return clinicId;
    }
}
