package vn.hocba;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house rules of architecture.md that the module check does not cover, checked on the compiled
 * classes (ArchUnit) and on the sources, so that a change that breaks one fails the build.
 */
class StyleRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.hocba");

    @Test
    void theGradingRulesArePlainJava() {
        noClasses().that().resideInAPackage("vn.hocba.grading..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax..", "java.sql..")
                .because("TT22 rules are plain Java, testable without a container or a database (architecture.md, style 2)")
                .check(MAIN);
    }

    @Test
    void onlyTheWorkflowModuleTouchesCamunda() {
        noClasses().that().resideOutsideOfPackage("vn.hocba.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("a move to a maintained fork of Camunda 7 must be a rename inside one module")
                .check(MAIN);
    }

    @Test
    void onlyTheWebModuleHasControllers() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().resideInAPackage("vn.hocba.web..")
                .because("pages and API of a feature sit side by side in web, by feature")
                .check(MAIN);
    }

    @Test
    void everyTypeNameIsUsedOnce() {
        Map<String, List<String>> byName = MAIN.stream().filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new, Collectors.mapping(JavaClass::getName, Collectors.toList())));
        byName.values().removeIf(names -> names.size() == 1);
        assertThat(byName).as("type names used in two packages (a reader, and an import, cannot tell them apart)").isEmpty();
    }

    @Test
    void noMainSourceFileIsLongerThan400Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(StyleRulesTest::over400Lines)
                    .map(Path::toString).sorted().toList();
        }
        assertThat(tooLong).as("main source files over 400 lines: split them by what they do").isEmpty();
    }

    private static boolean over400Lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() > 400;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
