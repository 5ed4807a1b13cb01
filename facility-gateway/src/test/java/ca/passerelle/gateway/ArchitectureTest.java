package ca.passerelle.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.passerelle.gateway");

    @Test
    void domainDoesNotDependOnItsAdapters() {
        noClasses().that().resideInAnyPackage("ca.passerelle.gateway.facility", "ca.passerelle.gateway.status")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway..web..", "..gateway..client..", "..gateway..persistence..",
                        "..gateway..messaging..")
                .check(GATEWAY);
    }

    @Test
    void domainKnowsNeitherHttpClientsNorResilience4jNorMongoDb() {
        noClasses().that().resideInAnyPackage("ca.passerelle.gateway.facility", "ca.passerelle.gateway.status")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "io.github.resilience4j..",
                        "org.springframework.data.mongodb.core", "com.mongodb..")
                .check(GATEWAY);
    }

    @Test
    void webAdaptersDoNotReachTheUpstreamClientOrTheStoreDirectly() {
        noClasses().that().resideInAPackage("..gateway..web..")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway..client..", "..gateway..persistence..")
                .check(GATEWAY);
    }
}
