package io.sangdam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sangdam");

    @Test
    void noFieldInjection() {
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(SERVER);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .notBePublic()
                .because("a module's tables are reached only through its public services")
                .check(SERVER);
    }

    @Test
    void controllersAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(SERVER);
    }

    @Test
    void engineKnowsNothingOfSpringHttpOrSql() {
        noClasses()
                .that()
                .resideInAPackage("io.sangdam.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "java.sql..",
                        "javax.sql..",
                        "io.sangdam.platform..",
                        "io.sangdam.identity..")
                .allowEmptyShould(true)
                .check(new ClassFileImporter().importPackages("io.sangdam.engine"));
    }

    @Test
    void routingRuntimeIsInternalToRouting() {
        classes()
                .that()
                .resideInAPackage("io.sangdam.routing.runtime..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAPackage("io.sangdam.routing..")
                .because("the engine's host is routing's detail; other modules use the routing package's API")
                .check(SERVER);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.sangdam.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void noTechnicalCatchAllNames() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .check(SERVER);
    }
}
