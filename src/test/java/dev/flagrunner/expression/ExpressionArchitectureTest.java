package dev.flagrunner.expression;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is plain Java (docs/architecture.md §1), and never runs server text as code. */
class ExpressionArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flagrunner.expression");

    @Test
    void importsNothingFromSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(engine);
    }

    @Test
    void usesNoScriptEngineNorRegex() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javax.script..", "java.util.regex..")
                .check(engine);
    }
}
