package ca.passerelle.rehab.plan.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.rehab.plan.CaseId;
import ca.passerelle.rehab.plan.RehabPlanService;

/** Reads the rehabilitation plan of a case, as the caller's token allows (see {@link RehabPlanAccessPolicy}). */
@RestController
@RequestMapping("/api/rehab-plans")
class RehabPlanController {

    private final RehabPlanService plans;

    RehabPlanController(RehabPlanService plans) {
        this.plans = plans;
    }

    /** Another clinic's case, and a case whose clinic is not known yet, answer as an unknown case does. */
    @GetMapping("/{caseId}")
    RehabPlanResponse plan(@PathVariable String caseId) {
        return plans.findFor(CaseId.of(caseId), Callers.current())
                .map(RehabPlanResponse::from)
                .orElseThrow(() -> new NotFoundException("No rehabilitation plan for this case"));
    }
}
