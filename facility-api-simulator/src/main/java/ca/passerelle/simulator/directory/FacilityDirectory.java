package ca.passerelle.simulator.directory;

import static ca.passerelle.simulator.directory.FacilityKind.CONSERVATIVE_CARE_CLINIC;
import static ca.passerelle.simulator.directory.FacilityKind.REHAB_CLINIC;
import static ca.passerelle.simulator.directory.FacilityKind.SURGICAL_HOSPITAL;
import static ca.passerelle.simulator.directory.SurgicalCategory.FUSION;
import static ca.passerelle.simulator.directory.SurgicalCategory.MOTION_PRESERVATION;
import static ca.passerelle.simulator.directory.SurgicalCategory.SIMPLE_DECOMPRESSION;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The fixed directory: six French partner hospitals (every surgical category offered by at least two) and ten Québec
 * clinics (a rehab clinic in Montréal, Laval and Capitale-Nationale at least).
 */
@Component
public class FacilityDirectory {

    private static final List<String> FR = List.of("fr");
    private static final List<String> FR_EN = List.of("fr", "en");

    private final List<Facility> facilities = List.of(
            hospital("fr-lyon-chu-01", "Centre du rachis de Lyon", "FR-ARA", "Lyon",
                    List.of(SIMPLE_DECOMPRESSION, FUSION, MOTION_PRESERVATION), FR_EN),
            hospital("fr-paris-clinique-01", "Clinique parisienne de chirurgie vertébrale", "FR-IDF", "Paris",
                    List.of(FUSION, MOTION_PRESERVATION), FR_EN),
            hospital("fr-bordeaux-chu-01", "Unité rachis du CHU de Bordeaux", "FR-NAQ", "Bordeaux",
                    List.of(SIMPLE_DECOMPRESSION, FUSION), FR),
            hospital("fr-montpellier-clinique-01", "Clinique du dos de Montpellier", "FR-OCC", "Montpellier",
                    List.of(SIMPLE_DECOMPRESSION, MOTION_PRESERVATION), FR_EN),
            hospital("fr-lille-chu-01", "Service de neurochirurgie du rachis de Lille", "FR-HDF", "Lille",
                    List.of(SIMPLE_DECOMPRESSION, FUSION), FR),
            hospital("fr-toulouse-clinique-01", "Clinique toulousaine du rachis", "FR-OCC", "Toulouse",
                    List.of(FUSION, MOTION_PRESERVATION), FR),
            clinic("clinic-qc-montreal-01", "Clinique du dos de Montréal", CONSERVATIVE_CARE_CLINIC, "QC-06", "Montréal", FR_EN),
            clinic("clinic-qc-montreal-02", "Centre de soins vertébraux Plateau", CONSERVATIVE_CARE_CLINIC, "QC-06", "Montréal", FR_EN),
            clinic("clinic-qc-laval-01", "Clinique de physiothérapie de Laval", CONSERVATIVE_CARE_CLINIC, "QC-13", "Laval", FR),
            clinic("clinic-qc-quebec-01", "Clinique du rachis de Québec", CONSERVATIVE_CARE_CLINIC, "QC-03", "Québec", FR),
            clinic("clinic-qc-sherbrooke-01", "Clinique du dos de l'Estrie", CONSERVATIVE_CARE_CLINIC, "QC-05", "Sherbrooke", FR_EN),
            clinic("clinic-qc-gatineau-01", "Clinique vertébrale de l'Outaouais", CONSERVATIVE_CARE_CLINIC, "QC-07", "Gatineau", FR_EN),
            clinic("rehab-qc-montreal-01", "Centre de réadaptation de Montréal", REHAB_CLINIC, "QC-06", "Montréal", FR_EN),
            clinic("rehab-qc-laval-01", "Centre de réadaptation de Laval", REHAB_CLINIC, "QC-13", "Laval", FR),
            clinic("rehab-qc-quebec-01", "Centre de réadaptation de la Capitale-Nationale", REHAB_CLINIC, "QC-03", "Québec", FR),
            clinic("rehab-qc-longueuil-01", "Centre de réadaptation de la Montérégie", REHAB_CLINIC, "QC-16", "Longueuil", FR));

    public List<Facility> all() {
        return facilities;
    }

    public List<Facility> search(FacilityQuery query) {
        return facilities.stream().filter(facility -> facility.matches(query)).toList();
    }

    public Optional<Facility> find(FacilityId id) {
        return facilities.stream().filter(facility -> facility.id().equals(id)).findFirst();
    }

    public Facility get(FacilityId id) {
        return find(id).orElseThrow(() -> new UnknownFacilityException(id));
    }

    private static Facility hospital(String id, String name, String region, String city,
            List<SurgicalCategory> categories, List<String> languages) {
        return new Facility(FacilityId.of(id), name, SURGICAL_HOSPITAL, "FR", region, city, categories, languages);
    }

    private static Facility clinic(String id, String name, FacilityKind kind, String region, String city,
            List<String> languages) {
        return new Facility(FacilityId.of(id), name, kind, "CA", region, city, List.of(), languages);
    }

}
