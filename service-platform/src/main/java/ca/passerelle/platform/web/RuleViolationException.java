package ca.passerelle.platform.web;

/**
 * A well-formed request that a business rule refuses: answered 422 with a stable rule code the client can act on.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
