package ca.passerelle.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.web.NotFoundException;

/** A minimal service with one rule per route kind, to exercise the platform's security for real. */
@SpringBootApplication
class GuardedTestApplication {

    @Bean
    AccessPolicy guardedRoutes() {
        return () -> List.of(
                AccessRule.allow(HttpMethod.GET, "/api/clinics/*/cases", Role.CLINIC, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/records/*", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/my-clinic", Role.CLINIC, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/whoami", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC, Role.HOSPITAL));
    }

    @RestController
    static class GuardedController {

        @GetMapping("/api/clinics/{clinicId}/cases")
        Map<String, Object> casesOf(@PathVariable String clinicId) {
            Caller caller = Callers.current();
            if (!caller.maySeeCasesOf(clinicId)) {
                throw new NotFoundException("no such clinic");
            }
            return Map.of("clinicId", clinicId, "cases", List.of());
        }

        private final AuditTrail audit;

        GuardedController(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/api/records/{recordId}")
        Map<String, Object> record(@PathVariable String recordId) {
            audit.record(Callers.current(), "record.read", "record", recordId, "care-coordination");
            return Map.of("recordId", recordId);
        }

        @GetMapping("/api/my-clinic")
        Map<String, Object> myClinic() {
            return Map.of("clinicId", Callers.current().requiredClinicId());
        }

        @GetMapping("/api/whoami")
        Map<String, Object> whoAmI() {
            Caller caller = Callers.current();
            return Map.of("subject", caller.subject(), "roles", caller.roles(), "clinicId", caller.clinicId().orElse(""),
                    "hospitalId", caller.hospitalId().orElse(""));
        }

        @GetMapping("/api/forgotten")
        Map<String, Object> routeWithoutRule() {
            return Map.of("leak", true);
        }
    }
}
