package ca.passerelle.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Adapters depend on the domain, never the reverse. */
@AnalyzeClasses(packages = "ca.passerelle.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class IntakeArchitectureTest {

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = noClasses()
            .that().resideInAPackage("ca.passerelle.intake..")
            .and().resideOutsideOfPackages("ca.passerelle.intake..web..", "ca.passerelle.intake..messaging..",
                    "ca.passerelle.intake..persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.intake..web..", "ca.passerelle.intake..messaging..",
                    "ca.passerelle.intake..persistence..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnOneAnother = noClasses()
            .that().resideInAPackage("ca.passerelle.intake..web..")
            .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.intake..persistence..", "ca.passerelle.intake..messaging..");

    /** The domain keeps plain values: sealing and look-ups are the persistence adapter's business. */
    @ArchTest
    static final ArchRule domainDoesNotDependOnProtection = noClasses()
            .that().resideInAPackage("ca.passerelle.intake.cases")
            .should().dependOnClassesThat().resideInAPackage("ca.passerelle.intake..protection..");
}
