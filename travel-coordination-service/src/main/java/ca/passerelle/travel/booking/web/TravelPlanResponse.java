package ca.passerelle.travel.booking.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import ca.passerelle.travel.booking.TravelDocument;
import ca.passerelle.travel.booking.TravelPlan;

/**
 * A case's travel plan as coordinators see it (and only they: booking references and the accompanying person are
 * PHI-adjacent). {@code outboundToRebook}/{@code returnToRebook}: the surgery moved and the booked flight no longer fit,
 * so it was dropped.
 */
record TravelPlanResponse(String caseId, String status, String hospitalId, String hospitalCity, LocalDate preOpConsultationOn,
        LocalDate surgeryOn, LocalDate fitToFlyOn, TravelPlan.Flight outboundFlight, TravelPlan.Flight returnFlight,
        TravelPlan.Lodging lodging, TravelPlan.Companion accompanyingPerson, Set<TravelDocument> documentsReady,
        List<TravelDocument> documentsMissing, boolean outboundToRebook, boolean returnToRebook) {

    static TravelPlanResponse of(String caseId, TravelPlan plan) {
        return new TravelPlanResponse(caseId, plan.status(), plan.hospitalId(), plan.hospitalCity(), plan.preOpConsultationOn(),
                plan.surgeryOn(), plan.fitToFlyOn(), plan.outbound(), plan.inbound(), plan.lodging(), plan.accompanyingPerson(),
                plan.documentsReady(), List.of(TravelDocument.values()).stream().filter(d -> !plan.documentsReady().contains(d)).toList(),
                plan.outboundToRebook(), plan.returnToRebook());
    }
}
