package ca.passerelle.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Adapters depend on the domain, never the reverse. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.passerelle.assessment");

    @Test
    void domainDoesNotDependOnItsAdapters() {
        noClasses().that().resideInAPackage("ca.passerelle.assessment.evaluation")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "ca.passerelle.assessment..web..",
                        "ca.passerelle.assessment..messaging..",
                        "ca.passerelle.assessment..persistence..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("ca.passerelle.assessment.evaluation.web")
                .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.assessment.evaluation.messaging")
                .check(classes);
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("ca.passerelle.assessment.evaluation")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("ca.passerelle.assessment.evaluation.web")).isTrue();
    }
}
