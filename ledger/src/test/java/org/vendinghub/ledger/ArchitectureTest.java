package org.vendinghub.ledger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The ledger module's boundaries (ARCHITECTURE §1): a pure domain package, no Camel, no token engine. */
@AnalyzeClasses(packages = "org.vendinghub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("org.vendinghub.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework..", "org.hibernate..",
                    "org.vendinghub.ledger..");

    @ArchTest
    static final ArchRule noCamelNoTokenEngine = noClasses().that().resideInAPackage("org.vendinghub..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.vendinghub.sts..");

    @ArchTest
    static final ArchRule internalsStayInTheLedger = noClasses().that().resideOutsideOfPackage("org.vendinghub.ledger..")
            .should().dependOnClassesThat().resideInAPackage("org.vendinghub.ledger.internal..");

    /** Feature packages move money through LedgerService only, never through the engine or the ledger's rows. */
    @ArchTest
    static final ArchRule featuresGoThroughLedgerService = noClasses().that().resideInAnyPackage("org.vendinghub.ledger.*..")
            .and().resideOutsideOfPackage("org.vendinghub.ledger.internal..")
            .should().dependOnClassesThat().haveSimpleName("LedgerEngine")
            .orShould().dependOnClassesThat().haveSimpleName("BatchLedgerEngine")
            .orShould().dependOnClassesThat().haveSimpleName("AccountEntity")
            .orShould().dependOnClassesThat().haveSimpleName("TransferEntity");
}
