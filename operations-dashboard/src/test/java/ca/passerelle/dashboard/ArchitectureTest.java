package ca.passerelle.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Adapters depend on the domain, never the reverse. */
class ArchitectureTest {

    private static final String[] ADAPTERS = {
            "ca.passerelle.dashboard..web..", "ca.passerelle.dashboard..messaging..", "ca.passerelle.dashboard..persistence.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.passerelle.dashboard");

    @Test
    void domainDoesNotDependOnAdapters() {
        noClasses().that().resideInAPackage("ca.passerelle.dashboard..")
                .and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(classes);
    }

    @Test
    void domainDoesNotUseTheWebOrKafkaApis() {
        noClasses().that().resideInAPackage("ca.passerelle.dashboard..")
                .and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                        "org.springframework.messaging..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOthersAdapters() {
        noClasses().that().resideInAPackage("ca.passerelle.dashboard.cases..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.dashboard.deadletters..",
                        "ca.passerelle.dashboard.facility..", "ca.passerelle.dashboard.overview..")
                .check(classes);
    }
}
