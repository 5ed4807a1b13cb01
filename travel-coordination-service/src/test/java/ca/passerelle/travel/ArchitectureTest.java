package ca.passerelle.travel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "ca.passerelle.travel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {"ca.passerelle.travel..web..", "ca.passerelle.travel..messaging..",
            "ca.passerelle.travel..client..", "ca.passerelle.travel..persistence.."};

    @ArchTest
    static final ArchRule domainDoesNotDependOnItsAdapters = noClasses()
            .that().resideInAPackage("ca.passerelle.travel.booking")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnOneAnother = noClasses()
            .that().resideInAPackage("ca.passerelle.travel..web..")
            .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.travel..messaging..", "ca.passerelle.travel..client..",
                    "ca.passerelle.travel..persistence..")
            .andShould().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule noOtherServiceIsUsed = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("ca.passerelle.intake..", "ca.passerelle.assessment..",
                    "ca.passerelle.rehab..", "ca.passerelle.gateway..", "ca.passerelle.dashboard..", "ca.passerelle.simulator..");
}
