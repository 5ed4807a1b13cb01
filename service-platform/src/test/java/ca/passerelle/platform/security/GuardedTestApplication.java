package ca.passerelle.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.web.PageRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A minimal service with one rule per route kind, to exercise the platform's security for real. */
@SpringBootApplication
public class GuardedTestApplication {

    @Bean
    AccessPolicy guardedRoutes() {
        return () -> List.of(
                AccessRule.allow(HttpMethod.GET, "/api/clinics/*/cases", Role.CLINIC, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/records/*", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/my-clinic", Role.CLINIC, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/whoami", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC, Role.HOSPITAL),
                AccessRule.allow(HttpMethod.POST, "/api/notes", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/uploads/*", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/pages", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/plain-pages", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/numbers/*", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/form", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/documents", Role.COORDINATOR));
    }

    /** A body with rules, to see validation answers. */
    record Note(@NotBlank @Pattern(regexp = "[a-z]{1,10}") String code, @Min(0) @Max(120) int ageYears) {
    }

    /** Query parameters bound to an object. */
    record Form(@Min(1) int count) {
    }

    @RestController
    static class LimitsController {

        private final PageRequests pages;

        LimitsController(PageRequests pages) {
            this.pages = pages;
        }

        @PostMapping("/api/notes")
        Map<String, Object> note(@Valid @RequestBody Note note) {
            return Map.of("accepted", true);
        }

        @PostMapping("/api/uploads/{name}")
        Map<String, Object> upload(@PathVariable String name, @RequestBody byte[] content) {
            return Map.of("bytes", content.length);
        }

        @GetMapping("/api/pages")
        Map<String, Object> pages(Pageable pageable) {
            return Map.of("page", pageable.getPageNumber(), "size", pageable.getPageSize());
        }

        @GetMapping("/api/plain-pages")
        Map<String, Object> plainPages(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
            PageRequest request = pages.of(page, size);
            return Map.of("page", request.getPageNumber(), "size", request.getPageSize());
        }

        @GetMapping("/api/numbers/{id}")
        Map<String, Object> number(@PathVariable java.util.UUID id, @RequestParam int count) {
            return Map.of("id", id, "count", count);
        }

        @PostMapping("/api/documents")
        Map<String, Object> document(@RequestParam("file") org.springframework.web.multipart.MultipartFile file) {
            return Map.of("bytes", file.getSize());
        }

        @GetMapping("/api/form")
        Map<String, Object> form(@Valid Form form) {
            return Map.of("count", form.count());
        }
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
