package ca.passerelle.travel.booking.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * The travel rows of the authorisation table (docs/security-model.md), one rule per route. Bookings: coordinators read
 * and pick, specialists read. Hospital appointments: the hospital for its own (enforced in {@code BookingService}),
 * coordinators for every hospital, acting on its behalf. Travel plans, cancel and reschedule of a case: coordinators.
 * The patient's constraints for the search: coordinators. The hospital feed: hospitals only, each its own (from its token). Everything else is denied by the platform.
 */
@Component
class TravelAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.allow(HttpMethod.GET, "/api/bookings/*", Role.COORDINATOR, Role.SPECIALIST),
                AccessRule.allow(HttpMethod.POST, "/api/bookings/*/choice", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/bookings/*/cancel", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/bookings/*/reschedule", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.PUT, "/api/bookings/*/patient-constraints", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/bookings/*/travel-plan", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.PUT, "/api/bookings/*/travel-plan", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/hospital/appointments", Role.HOSPITAL, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/hospital/appointments/*/confirmation", Role.HOSPITAL, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/hospital/appointments/*/decline", Role.HOSPITAL, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/hospital/appointments/*/completion", Role.HOSPITAL, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/hospital/appointments/*/cancel", Role.HOSPITAL, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/hospital/appointments/*/reschedule", Role.HOSPITAL, Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/hospital/feed", Role.HOSPITAL));
    }
}
