package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.SpineProcedure;

/** Immutable fixture builder of clinical pictures: {@code Cases.aCase().withRedFlag(CAUDA_EQUINA).build()}. */
public final class Cases {

    /** The reference day of the fixtures, a Québec date. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    public static final Instant NOW = Instant.parse("2026-11-02T14:05:02Z");
    public static final ConsentGrants ALL_CONSENTS = new ConsentGrants(true, true, false);

    private final int ageYears;
    private final int painNrs;
    private final Double odiPercent;
    private final List<RedFlag> redFlags;
    private final List<PriorProcedure> priorSurgeries;
    private final List<Imaging> imaging;
    private final List<CareCourse> care;
    private final ConsentGrants consents;

    private Cases(int ageYears, int painNrs, Double odiPercent, List<RedFlag> redFlags, List<PriorProcedure> priorSurgeries,
            List<Imaging> imaging, List<CareCourse> care, ConsentGrants consents) {
        this.ageYears = ageYears;
        this.painNrs = painNrs;
        this.odiPercent = odiPercent;
        this.redFlags = List.copyOf(redFlags);
        this.priorSurgeries = List.copyOf(priorSurgeries);
        this.imaging = List.copyOf(imaging);
        this.care = List.copyOf(care);
        this.consents = consents;
    }

    /**
     * A case that meets the default policy: 179 days of physiotherapy and decompression, 36 sessions, NRS 7, ODI 48 %;
     * fibrosis and foraminal stenosis at L4-L5 after a discectomy there; every consent given.
     */
    public static Cases aCase() {
        return new Cases(52, 7, 48.0, List.of(),
                List.of(new PriorProcedure(LocalDate.of(2023, 3, 14), SpineProcedure.DISCECTOMY, "L4-L5")),
                List.of(mri(RadiologicalFinding.EPIDURAL_FIBROSIS, RadiologicalFinding.FORAMINAL_STENOSIS)),
                List.of(course(CareModality.PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 24),
                        course(CareModality.NEUROVERTEBRAL_DECOMPRESSION, "2026-05-04", "2026-08-14", 12)),
                ALL_CONSENTS);
    }

    public static Imaging mri(RadiologicalFinding... findings) {
        return new Imaging("MRI_GADOLINIUM", LocalDate.of(2026, 9, 20), List.of(findings), "L4-L5");
    }

    public static CareCourse course(CareModality modality, String from, String to, int sessions) {
        return new CareCourse(modality, LocalDate.parse(from), LocalDate.parse(to), sessions, true);
    }

    public static CareCourse unsupervised(CareModality modality, String from, String to, int sessions) {
        return new CareCourse(modality, LocalDate.parse(from), LocalDate.parse(to), sessions, false);
    }

    public Cases withRedFlag(RedFlag flag) {
        List<RedFlag> flags = new ArrayList<>(redFlags);
        flags.add(flag);
        return new Cases(ageYears, painNrs, odiPercent, flags, priorSurgeries, imaging, care, consents);
    }

    public Cases withCare(CareCourse... courses) {
        return new Cases(ageYears, painNrs, odiPercent, redFlags, priorSurgeries, imaging, List.of(courses), consents);
    }

    public Cases withScores(int nrs, Double odi) {
        return new Cases(ageYears, nrs, odi, redFlags, priorSurgeries, imaging, care, consents);
    }

    public Cases aged(int years) {
        return new Cases(years, painNrs, odiPercent, redFlags, priorSurgeries, imaging, care, consents);
    }

    public Cases withImaging(Imaging... studies) {
        return new Cases(ageYears, painNrs, odiPercent, redFlags, priorSurgeries, List.of(studies), care, consents);
    }

    public Cases withPriorSurgery(SpineProcedure procedure, String performedOn, String levels) {
        return new Cases(ageYears, painNrs, odiPercent, redFlags,
                List.of(new PriorProcedure(LocalDate.parse(performedOn), procedure, levels)), imaging, care, consents);
    }

    public Cases withoutCrossBorderConsent() {
        return new Cases(ageYears, painNrs, odiPercent, redFlags, priorSurgeries, imaging, care, new ConsentGrants(true, false, false));
    }

    public Cases withoutFindings() {
        return new Cases(ageYears, painNrs, odiPercent, redFlags, List.of(), List.of(), care, consents);
    }

    public ClinicalPicture build() {
        return new ClinicalPicture("clinic-qc-laval-01", NOW, "M96.1", ageYears, painNrs, odiPercent, redFlags, priorSurgeries,
                imaging, care, consents);
    }
}
