package org.vendinghub.connectors.common;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Of the other modules, connectors may use {@code org.vendinghub.domain} (from ledger) and nothing else. */
@AnalyzeClasses(packages = "org.vendinghub.connectors", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorsArchitectureTest {

    @ArchTest
    static final ArchRule connectors_see_only_the_domain = noClasses()
            .that().resideInAPackage("org.vendinghub.connectors..")
            .should().dependOnClassesThat(resideInAPackage("org.vendinghub..")
                    .and(not(resideInAnyPackage("org.vendinghub.domain..", "org.vendinghub.connectors.."))));

    @ArchTest
    static final ArchRule sms_and_email_do_not_know_each_other = noClasses()
            .that().resideInAPackage("org.vendinghub.connectors.sms..")
            .should().dependOnClassesThat().resideInAPackage("org.vendinghub.connectors.email..");
}
