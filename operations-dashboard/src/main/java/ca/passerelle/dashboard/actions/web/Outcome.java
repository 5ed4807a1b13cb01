package ca.passerelle.dashboard.actions.web;

/**
 * What became of a call to another service, as the coordinator is told (a flash message on the case page).
 *
 * @param kind {@code ok}, {@code refused} (the service answered 4xx: its problem title is shown) or {@code failed}
 *        (5xx, timeout, unreachable, no valid session token)
 * @param messageKey the message (French first) for the page
 * @param detail the service's problem title when it refused, else null; never a stack trace
 */
public record Outcome(String kind, String messageKey, String detail) {

    public static Outcome ok(String messageKey) {
        return new Outcome("ok", messageKey, null);
    }

    public static Outcome refused(String detail) {
        return new Outcome("refused", "action.refused", detail);
    }

    public static Outcome failed(String messageKey) {
        return new Outcome("failed", messageKey, null);
    }

    public boolean succeeded() {
        return "ok".equals(kind);
    }
}
