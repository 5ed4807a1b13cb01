package ca.passerelle.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "ca.passerelle.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainNeverDependsOnWebAdapters = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..web..")
            .as("the domain never depends on the web adapters");

    @ArchTest
    static final ArchRule domainStaysOutOfTheServletApi = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
            .as("the domain knows nothing of HTTP");

}
