package ca.passerelle.dashboard.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * Who may call what on the dashboard, one rule per route (docs/security-model.md: "dashboard pages and API" —
 * coordinators only). Rules under {@value DashboardSecurityConfiguration#API_PREFIX} are applied by the bearer-token
 * API chain, the others by the coordinators' login chain; whatever no rule names is denied.
 */
@Component
class DashboardAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                // JSON API: bearer tokens
                AccessRule.allow(GET, "/api/cases", Role.COORDINATOR),
                AccessRule.allow(GET, "/api/cases/{caseId}", Role.COORDINATOR),
                AccessRule.allow(GET, "/api/cases/{caseId}/timeline", Role.COORDINATOR),
                AccessRule.allow(GET, "/api/dead-letters", Role.COORDINATOR),
                // the dashboard's own urgent-referral alert (red flag): acknowledged here, audited, idempotent
                AccessRule.allow(POST, "/api/cases/{caseId}/urgent-referral/acknowledge", Role.COORDINATOR),
                // pages: the coordinator's login session (the language switch is ?lang= on any of them)
                AccessRule.allow(GET, "/", Role.COORDINATOR),
                AccessRule.allow(GET, "/cases", Role.COORDINATOR),
                AccessRule.allow(GET, "/cases/{caseId}", Role.COORDINATOR),
                AccessRule.allow(GET, "/queues", Role.COORDINATOR),
                AccessRule.allow(GET, "/dead-letters", Role.COORDINATOR),
                // live updates: server-sent events "changed" (htmx refreshes the page's live parts)
                AccessRule.allow(GET, "/live", Role.COORDINATOR),
                // the coordinator's actions: forms with the session's CSRF token; each calls the owning service's API
                // with the coordinator's own access token
                AccessRule.allow(POST, "/cases/{caseId}/actions/choose-option", Role.COORDINATOR),
                AccessRule.allow(POST, "/cases/{caseId}/actions/cancel-booking", Role.COORDINATOR),
                AccessRule.allow(POST, "/cases/{caseId}/actions/reschedule-booking", Role.COORDINATOR),
                AccessRule.allow(POST, "/cases/{caseId}/alerts/{alertId}/acknowledge", Role.COORDINATOR),
                AccessRule.allow(POST, "/cases/{caseId}/urgent-referral/acknowledge", Role.COORDINATOR),
                // dead-letter replay after a fix (audited, once per dead letter)
                AccessRule.allow(POST, "/dead-letters/{deadLetterId}/replay", Role.COORDINATOR));
    }
}
