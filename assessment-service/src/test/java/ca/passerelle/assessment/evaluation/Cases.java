package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.RedFlag;

/** Immutable fixture builder of clinical pictures: {@code Cases.aCase().withRedFlag(CAUDA_EQUINA).build()}. */
public final class Cases {

    /** The reference day of the fixtures, a Québec date. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    public static final Instant NOW = Instant.parse("2026-11-02T14:05:02Z");

    private final int ageYears;
    private final int painNrs;
    private final Double odiPercent;
    private final String diagnosisCode;
    private final List<RedFlag> redFlags;
    private final List<PriorProcedure> priorSurgeries;
    private final List<ImagingFinding> imaging;
    private final List<CareCourse> care;

    private Cases(int ageYears, int painNrs, Double odiPercent, String diagnosisCode, List<RedFlag> redFlags,
            List<PriorProcedure> priorSurgeries, List<ImagingFinding> imaging, List<CareCourse> care) {
        this.ageYears = ageYears;
        this.painNrs = painNrs;
        this.odiPercent = odiPercent;
        this.diagnosisCode = diagnosisCode;
        this.redFlags = List.copyOf(redFlags);
        this.priorSurgeries = List.copyOf(priorSurgeries);
        this.imaging = List.copyOf(imaging);
        this.care = List.copyOf(care);
    }

    /** A case that meets the default policy: 179 days of physiotherapy and decompression, 36 sessions, NRS 7, ODI 48 %. */
    public static Cases aCase() {
        return new Cases(52, 7, 48.0, "M96.1", List.of(),
                List.of(new PriorProcedure(LocalDate.of(2023, 3, 14), "Discectomie L4-L5", "L4-L5")),
                List.of(new ImagingFinding("MRI_GADOLINIUM", LocalDate.of(2026, 9, 20), "Fibrose épidurale L4-L5, sténose foraminale gauche")),
                List.of(course(CareModality.PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 24),
                        course(CareModality.NEUROVERTEBRAL_DECOMPRESSION, "2026-05-04", "2026-08-14", 12)));
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
        return new Cases(ageYears, painNrs, odiPercent, diagnosisCode, flags, priorSurgeries, imaging, care);
    }

    public Cases withCare(CareCourse... courses) {
        return new Cases(ageYears, painNrs, odiPercent, diagnosisCode, redFlags, priorSurgeries, imaging, List.of(courses));
    }

    public Cases withScores(int nrs, Double odi) {
        return new Cases(ageYears, nrs, odi, diagnosisCode, redFlags, priorSurgeries, imaging, care);
    }

    public Cases aged(int years) {
        return new Cases(years, painNrs, odiPercent, diagnosisCode, redFlags, priorSurgeries, imaging, care);
    }

    public Cases withDiagnosis(String code) {
        return new Cases(ageYears, painNrs, odiPercent, code, redFlags, priorSurgeries, imaging, care);
    }

    public Cases withImaging(String findings) {
        return new Cases(ageYears, painNrs, odiPercent, diagnosisCode, redFlags, priorSurgeries,
                List.of(new ImagingFinding("MRI", LocalDate.of(2026, 9, 20), findings)), care);
    }

    public Cases withPriorSurgery(String procedure) {
        return new Cases(ageYears, painNrs, odiPercent, diagnosisCode, redFlags,
                List.of(new PriorProcedure(LocalDate.of(2023, 3, 14), procedure, "L4-L5")), imaging, care);
    }

    public Cases withoutFindings() {
        return new Cases(ageYears, painNrs, odiPercent, "M54.5", redFlags, List.of(), List.of(), care);
    }

    public ClinicalPicture build() {
        return new ClinicalPicture("clinic-qc-laval-01", NOW, diagnosisCode, ageYears, painNrs, odiPercent, redFlags, priorSurgeries,
                imaging, care);
    }
}
