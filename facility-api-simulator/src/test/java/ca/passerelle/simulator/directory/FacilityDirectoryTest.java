package ca.passerelle.simulator.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FacilityDirectoryTest {

    private final FacilityDirectory directory = new FacilityDirectory();

    @ParameterizedTest
    @EnumSource(SurgicalCategory.class)
    void offersEveryCategoryInAtLeastTwoFrenchHospitals(SurgicalCategory category) {
        List<Facility> hospitals = directory.search(new FacilityQuery("FR", category, null, FacilityKind.SURGICAL_HOSPITAL));

        assertThat(hospitals).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "QC-06", "QC-13", "QC-03" })
    void hasARehabClinicInTheMainQuebecRegions(String region) {
        assertThat(directory.search(new FacilityQuery("CA", null, region, FacilityKind.REHAB_CLINIC))).isNotEmpty();
    }

    @Test
    void keepsSurgeryInFranceAndClinicsInQuebec() {
        assertThat(directory.all()).allSatisfy(facility -> {
            if (facility.kind() == FacilityKind.SURGICAL_HOSPITAL) {
                assertThat(facility.country()).isEqualTo("FR");
                assertThat(facility.categories()).isNotEmpty();
            }
            else {
                assertThat(facility.country()).isEqualTo("CA");
                assertThat(facility.region()).matches("QC-(0[1-9]|1[0-7])");
                assertThat(facility.categories()).isEmpty();
            }
            assertThat(facility.languages()).contains("fr");
        });
        assertThat(directory.all()).extracting(Facility::id).doesNotHaveDuplicates();
    }

    @Test
    void combinesFiltersAndIgnoresCaseOfCodes() {
        List<Facility> found = directory.search(new FacilityQuery("fr", SurgicalCategory.MOTION_PRESERVATION, "fr-occ", null));

        assertThat(found).extracting(facility -> facility.id().value())
                .containsExactlyInAnyOrder("fr-montpellier-clinique-01", "fr-toulouse-clinique-01");
    }

    @Test
    void refusesAnUnknownFacility() {
        assertThatThrownBy(() -> directory.get(FacilityId.of("fr-nowhere-01")))
                .isInstanceOf(UnknownFacilityException.class);
    }

}
