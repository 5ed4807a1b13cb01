package ca.passerelle.dashboard.actions.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import ca.passerelle.dashboard.cases.UrgentReferralService;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;

/**
 * The actions a coordinator takes from a case page (forms posted with the CSRF token of the session): each calls the
 * owning service's API with the coordinator's own access token ({@link CoordinatorToken}) and comes back to the case
 * page with the outcome as a flash message. The dashboard writes nothing of the other services' data; the read model
 * follows when the service's event arrives. The one action on the dashboard's own data is the acknowledgement of an
 * urgent referral ({@link UrgentReferralService}: no service owns that alert).
 */
@Controller
class CaseActionsController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
    static final String FLASH = "actionOutcome";

    private final ServiceCalls services;
    private final CoordinatorToken tokens;
    private final UrgentReferralService urgentReferrals;

    CaseActionsController(ServiceCalls services, CoordinatorToken tokens, UrgentReferralService urgentReferrals) {
        this.services = services;
        this.tokens = tokens;
        this.urgentReferrals = urgentReferrals;
    }

    @PostMapping("/cases/{caseId}/actions/choose-option")
    String chooseOption(@PathVariable @Pattern(regexp = ID) String caseId, @RequestParam @Pattern(regexp = ID) String optionId,
            Authentication authentication, HttpServletRequest request, RedirectAttributes flash) {
        return act(caseId, authentication, request, flash, token -> services.chooseOption(token, caseId, optionId));
    }

    @PostMapping("/cases/{caseId}/actions/cancel-booking")
    String cancelBooking(@PathVariable @Pattern(regexp = ID) String caseId, Authentication authentication,
            HttpServletRequest request, RedirectAttributes flash) {
        return act(caseId, authentication, request, flash, token -> services.cancelBooking(token, caseId));
    }

    @PostMapping("/cases/{caseId}/actions/reschedule-booking")
    String rescheduleBooking(@PathVariable @Pattern(regexp = ID) String caseId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate surgeryOn,
            Authentication authentication, HttpServletRequest request, RedirectAttributes flash) {
        return act(caseId, authentication, request, flash, token -> services.rescheduleBooking(token, caseId, surgeryOn));
    }

    @PostMapping("/cases/{caseId}/alerts/{alertId}/acknowledge")
    String acknowledgeAlert(@PathVariable @Pattern(regexp = ID) String caseId, @PathVariable @Pattern(regexp = ID) String alertId,
            Authentication authentication, HttpServletRequest request, RedirectAttributes flash) {
        return act(caseId, authentication, request, flash, token -> services.acknowledgeAlert(token, alertId));
    }

    /**
     * Acknowledges the case's urgent-referral alert on the dashboard itself (audited, once): the dashboard owns that
     * alert, as no service emits one for a red flag.
     */
    @PostMapping("/cases/{caseId}/urgent-referral/acknowledge")
    String acknowledgeUrgentReferral(@PathVariable @Pattern(regexp = ID) String caseId, Authentication authentication,
            RedirectAttributes flash) {
        Caller caller = new Caller(authentication.getName(), EnumSet.of(Role.COORDINATOR), Optional.empty(), Optional.empty());
        UrgentReferralService.Acknowledged done = urgentReferrals.acknowledge(caller, caseId)
                .orElseThrow(() -> new NotFoundException("No urgent referral for this case"));
        flash.addFlashAttribute(FLASH, Outcome.ok(done.now() ? "action.done.urgentReferral" : "action.already.urgentReferral"));
        return redirect(caseId);
    }

    private String act(String caseId, Authentication authentication, HttpServletRequest request, RedirectAttributes flash,
            Function<String, Outcome> call) {
        Optional<String> token = tokens.of(authentication, request);
        Outcome outcome = token.map(call).orElseGet(() -> Outcome.failed("action.failed.signInAgain"));
        flash.addFlashAttribute(FLASH, outcome);
        return redirect(caseId);
    }

    private static String redirect(String caseId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/cases/{caseId}").buildAndExpand(caseId).encode().toUriString();
    }
}
