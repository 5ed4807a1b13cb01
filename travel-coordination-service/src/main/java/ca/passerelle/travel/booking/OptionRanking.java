package ca.passerelle.travel.booking;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * Turns facility-gateway's answers into ranked options: for each French surgical hospital performing the category,
 * its earliest available slot in the window; earliest date first, then French-speaking hospitals first. One option per
 * hospital, so that a hospital that declines leaves real alternatives. The patient's constraints ({@link PatientConstraints})
 * narrow the window and may rule hospitals out.
 */
public final class OptionRanking {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparing((Candidate c) -> c.slot().date())
            .thenComparing(c -> !c.facility().speaksFrench())
            .thenComparing(c -> c.facility().id());

    private OptionRanking() {
    }

    public static List<BookingOption> rank(SurgicalCategory category, List<Facility> facilities, Map<String, List<Slot>> slotsByFacility,
            LocalDate from, LocalDate to, int maxOptions) {
        return rank(category, facilities, slotsByFacility, from, to, maxOptions, PatientConstraints.NONE);
    }

    /**
     * As {@link #rank(SurgicalCategory, List, Map, LocalDate, LocalDate, int)}, leaving out the hospitals the patient's
     * constraints rule out (language, exclusions). The window {@code from}–{@code to} is the caller's, already narrowed
     * to the patient's availability ({@link PatientConstraints#earliestSurgeryOn}, {@link PatientConstraints#latestSurgeryOn}).
     */
    public static List<BookingOption> rank(SurgicalCategory category, List<Facility> facilities, Map<String, List<Slot>> slotsByFacility,
            LocalDate from, LocalDate to, int maxOptions, PatientConstraints constraints) {
        List<Candidate> best = facilities.stream()
                .filter(facility -> performsInFrance(facility, category))
                .filter(constraints::admits)
                .flatMap(facility -> earliestSlot(slotsByFacility.getOrDefault(facility.id(), List.of()), from, to)
                        .map(slot -> new Candidate(facility, slot)).stream())
                .sorted(BEST_FIRST)
                .limit(maxOptions)
                .toList();
        return IntStream.range(0, best.size())
                .mapToObj(i -> best.get(i).toOption("opt-" + (i + 1)))
                .toList();
    }

    private static boolean performsInFrance(Facility facility, SurgicalCategory category) {
        return "FR".equals(facility.country()) && "SURGICAL_HOSPITAL".equals(facility.kind())
                && facility.categories().contains(category.name());
    }

    private static Optional<Slot> earliestSlot(List<Slot> slots, LocalDate from, LocalDate to) {
        return slots.stream()
                .filter(Slot::isAvailable)
                .filter(slot -> slot.date() != null && !slot.date().isBefore(from) && !slot.date().isAfter(to))
                .min(Comparator.comparing(Slot::date).thenComparing(Slot::slotId));
    }

    private record Candidate(Facility facility, Slot slot) {

        BookingOption toOption(String optionId) {
            return new BookingOption(optionId, facility.id(), facility.name(), facility.city(), facility.speaksFrench(),
                    slot.slotId(), slot.date());
        }
    }
}
