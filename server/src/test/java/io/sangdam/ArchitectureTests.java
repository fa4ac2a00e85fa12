package io.sangdam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sangdam");

    /** Past this a class is hard to read in one sitting; it may grow longer only if it says why. */
    static final int LONGEST_CLASS = 500;

    /**
     * The reason a long class gives, as a line comment or a javadoc line of its own (CONTRIBUTING.md,
     * "Style"): the words "Over 500 lines because" at the start of a comment line, followed by the reason.
     */
    private static final Pattern REASON_FOR_LENGTH =
            Pattern.compile("^\\s*(//|/\\*\\*|\\*)\\s*Over 500 lines because \\S", Pattern.MULTILINE);

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

    /**
     * Routing's API and events speak routing's own language ({@code RoutedEvent}, {@code
     * RoutingState}, typed ids); the engine behind them is routing's detail, which Modulith cannot
     * see because the engine is a library. Test code is held to it too (docs/adr/0016).
     */
    @Test
    void onlyRoutingKnowsTheRoutingEngine() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.sangdam.routing..", "io.sangdam.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sangdam.engine.routing..")
                .because("other modules use routing's published language, not the engine's types")
                .check(new ClassFileImporter().importPackages("io.sangdam"));
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

    /**
     * Spring Modulith stores an event in its registry for every after-commit listener (ADR 15). A
     * bare {@code @TransactionalEventListener} would make its events durable by accident (and, on
     * routing's events, write a registry row per routing decision); durable listeners say so.
     */
    @Test
    void afterCommitListenersAreDeclaredDurable() {
        methods()
                .that()
                .areMetaAnnotatedWith(TransactionalEventListener.class)
                .should()
                .beAnnotatedWith(ApplicationModuleListener.class)
                .because("the registry keeps the events of every after-commit listener (docs/adr/0015)")
                .check(SERVER);
    }

    @Test
    void noClassIsOver500LinesWithoutSayingWhy() throws IOException {
        List<String> unexplained;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            unexplained = sources.filter(source -> source.toString().endsWith(".java"))
                    .filter(source -> !explainsItsLength(read(source)))
                    .map(Path::toString)
                    .toList();
        }
        assertThat(unexplained)
                .as("classes over %d lines need a comment line starting \"Over 500 lines because\"", LONGEST_CLASS)
                .isEmpty();
    }

    @Test
    void aLongClassPassesOnlyWithItsReason() {
        String shortClass = "class Short {\n}\n";
        String longBody = "    int field;\n".repeat(LONGEST_CLASS);
        String unexplained = "/** Does many things. */\nclass Long {\n" + longBody + "}\n";
        String inJavadoc =
                "/**\n * Over 500 lines because its states belong together.\n */\nclass Long {\n" + longBody + "}\n";
        String asLineComment =
                "// Over 500 lines because its states belong together.\nclass Long {\n" + longBody + "}\n";
        String withoutReason = "// Over 500 lines because\nclass Long {\n" + longBody + "}\n";

        assertThat(explainsItsLength(shortClass)).isTrue();
        assertThat(explainsItsLength(unexplained)).isFalse();
        assertThat(explainsItsLength(inJavadoc)).isTrue();
        assertThat(explainsItsLength(asLineComment)).isTrue();
        assertThat(explainsItsLength(withoutReason)).isFalse();
    }

    static boolean explainsItsLength(String source) {
        return source.lines().count() <= LONGEST_CLASS
                || REASON_FOR_LENGTH.matcher(source).find();
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
