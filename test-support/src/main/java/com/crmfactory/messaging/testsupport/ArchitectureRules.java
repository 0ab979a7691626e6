package com.crmfactory.messaging.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout rules every service keeps (docs/architecture.md, "Code layout"), checked on its compiled main
 * classes by a one-line test per service:
 * <ul>
 * <li>feature packages do not depend on each other in a cycle (a cycle means two features are really one,
 * or a shared piece belongs in a package of its own);</li>
 * <li>controllers and listeners are thin adapters: they never touch a repository, a service does.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks every rule on the production classes under {@code basePackage}; fails with the violations. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        // allowEmptyShould: a service with a single package (a walking skeleton) has nothing to check yet
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
        noClasses().that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Listener")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("controllers and listeners translate HTTP and records and delegate to a service")
                .allowEmptyShould(true)
                .check(classes);
    }
}
