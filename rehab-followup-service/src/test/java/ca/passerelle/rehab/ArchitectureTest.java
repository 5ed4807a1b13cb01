package ca.passerelle.rehab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final String[] ADAPTERS = {"ca.passerelle.rehab..web..", "ca.passerelle.rehab..messaging..",
            "ca.passerelle.rehab..persistence..", "ca.passerelle.rehab..client.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.passerelle.rehab");

    @Test
    void domainDoesNotDependOnItsAdapters() {
        noClasses().that().resideInAPackage("ca.passerelle.rehab..").and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(classes);
    }

    @Test
    void webAndMessagingAdaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("ca.passerelle.rehab..web..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.rehab..messaging..")
                .check(classes);
        noClasses().that().resideInAPackage("ca.passerelle.rehab..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.rehab..web..")
                .check(classes);
    }
}
