package dev.flagrunner;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering of docs/architecture.md §1: the protocol core is plain Java; features depend inwards only, on the
 * core and on config, and no package depends on another that depends on it.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flagrunner");

    @Test
    void theCorePackagesImportNothingFromSpring() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.flagrunner.expression..",
                        "dev.flagrunner.protocol..",
                        "dev.flagrunner.tls..",
                        "dev.flagrunner.net..",
                        "dev.flagrunner.text..",
                        "dev.flagrunner.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.micrometer..")
                .check(CLASSES);
    }

    /**
     * netty is the reference server's transport and nothing else's: the client side stays on blocking sockets
     * (docs/architecture.md §4), and the service's own sessions reach the server through sockets, not channels.
     */
    @Test
    void onlyTheMathServerUsesNetty() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flagrunner.mathserver..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.netty..")
                .check(CLASSES);
    }

    /**
     * Configuration is below every feature: its records know the core (dialects, trust modes) and Spring's binding
     * (and Boot's failure analysis, which reports a misspelt key), never a feature, so every feature may read it
     * without a cycle.
     */
    @Test
    void theConfigurationDependsOnNoFeature() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.config..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.flagrunner.config..",
                        "dev.flagrunner.protocol..",
                        "dev.flagrunner.tls..",
                        "java..",
                        "jakarta.validation..",
                        "org.springframework.boot.context.properties..",
                        "org.springframework.boot.diagnostics..",
                        "org.springframework.core",
                        // DataSize: the binder's type for a size such as 16MB, as Duration is for a time
                        "org.springframework.util.unit..",
                        "org.springframework.validation.annotation..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineKnowsPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flagrunner.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(CLASSES);
    }

    /**
     * The cores say what they may use, not what they may not: a new package (web, security, health, config were
     * missed by the deny-lists these replace) is outside every core until a rule here lets it in. The expression
     * engine needs only the JDK and the quoting of untrusted text.
     */
    @Test
    void theExpressionEngineUsesOnlyTheJdkAndText() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.expression..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.flagrunner.expression..", "dev.flagrunner.text..", "java..")
                .check(CLASSES);
    }

    /** The client side of the protocol: the engine that answers, sockets, TLS and quoting, and the JDK. */
    @Test
    void theProtocolUsesOnlyTheOtherCores() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.protocol..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.flagrunner.protocol..",
                        "dev.flagrunner.expression..",
                        "dev.flagrunner.net..",
                        "dev.flagrunner.tls..",
                        "dev.flagrunner.text..",
                        "java..",
                        "javax.net..")
                .check(CLASSES);
    }

    /** TLS: the JDK's JSSE, Bouncy Castle for certificates and PEM, SLF4J for the insecure mode's WARN, and net. */
    @Test
    void theTlsLayerUsesOnlyTheJdkBouncyCastleAndNet() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.tls..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.flagrunner.tls..",
                        "dev.flagrunner.net..",
                        "java..",
                        "javax..",
                        "org.bouncycastle..",
                        "org.slf4j..")
                .check(CLASSES);
    }

    /**
     * The reference server's core runs alone (the {@code server} command, tests) as well as in the service: it
     * speaks the dialects of protocol, answers with expression, listens with netty, tls and net, and logs; only the beans
     * that embed it in the service and its two endpoints may know more, and each of those is named here.
     */
    @Test
    void theMathServerCoreUsesOnlyTheOtherCores() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.mathserver..")
                .and()
                .doNotHaveFullyQualifiedName("dev.flagrunner.mathserver.EmbeddedMathServer")
                .and()
                .doNotHaveFullyQualifiedName("dev.flagrunner.mathserver.CertificateController")
                .and()
                .doNotHaveFullyQualifiedName("dev.flagrunner.mathserver.ListenersController")
                .and()
                // The embedded server's secret, kept in the service's data directory with the store's modes.
                .doNotHaveFullyQualifiedName("dev.flagrunner.mathserver.SecretFile")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.flagrunner.mathserver..",
                        "dev.flagrunner.protocol..",
                        "dev.flagrunner.expression..",
                        "dev.flagrunner.tls..",
                        "dev.flagrunner.net..",
                        "dev.flagrunner.text..",
                        "java..",
                        "javax..",
                        "io.netty..",
                        // FileDescriptors: the process's descriptor limit, which sizes the connection budget
                        "com.sun.management..",
                        "org.slf4j..")
                .check(CLASSES);
    }

    /** One home for the HTTP edge: the catalogue in web is the only writer of problem bodies. */
    @Test
    void onlyTheWebPackageBuildsProblemBodies() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flagrunner.web..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.http.ProblemDetail")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.web.ErrorResponseException")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.web.ErrorResponse")
                .orShould()
                .accessField(org.springframework.http.MediaType.class, "APPLICATION_PROBLEM_JSON")
                .orShould()
                .accessField(org.springframework.http.MediaType.class, "APPLICATION_PROBLEM_JSON_VALUE")
                .check(CLASSES);
    }

    /**
     * Who the caller is and what it may do is decided in security alone: it knows nothing of sessions, flags or
     * the math server (they ask it through {@code Caller}), and answers its refusals through web's catalogue.
     */
    @Test
    void theSecurityPackageKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.flagrunner.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.flagrunner.session..",
                        "dev.flagrunner.flag..",
                        "dev.flagrunner.mathserver..",
                        "dev.flagrunner.health..",
                        "dev.flagrunner.cli..")
                .check(CLASSES);
    }

    /**
     * The transport (connect, close, read timeouts, the read-buffered socket under TLS) serves the client, TLS, the
     * reference server and the CLI alike: the JDK only, with {@code javax.net} for the close that must not wait on
     * a TLS socket.
     */
    @Test
    void theTransportUsesOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.net..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.flagrunner.net..", "java..", "javax.net..")
                .check(CLASSES);
    }

    /** The domain's refusals are plain Java, so a feature can refuse without knowing HTTP; web maps them. */
    @Test
    void theRefusalsUseOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.refusal..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.flagrunner.refusal..", "java..")
                .check(CLASSES);
    }

    /** Pages are plain Java, so a service or a store can answer one without knowing HTTP; web adds the Link. */
    @Test
    void thePagingUsesOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.paging..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.flagrunner.paging..", "java..")
                .check(CLASSES);
    }

    /**
     * Web is the outer edge: services, stores, resolvers, the cores and the math server refuse with their own types
     * and answer plain pages, and only web turns those into problems, statuses and Link headers. What may know web
     * is each feature's REST controller (a {@code @RestController} named {@code …Controller}), which throws its own
     * 404s from the catalogue and describes its answers for OpenAPI (with flag's FlagPageResponse, the OpenAPI
     * declaration of its two pages), and security's entry point and access-denied handler, which answer 401 and 403
     * in the filter chain, before Spring MVC, through web's writer.
     */
    @Test
    void onlyControllersAndTheSecurityEdgeKnowTheWebPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flagrunner.web..")
                .and(not(annotatedWith(RestController.class).and(simpleNameEndingWith("Controller"))))
                .and()
                .doNotHaveFullyQualifiedName("dev.flagrunner.security.SecurityProblems")
                .and()
                // FlagController's OpenAPI 200 of a page, which names web's Link header text
                .doNotHaveFullyQualifiedName("dev.flagrunner.flag.FlagPageResponse")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.flagrunner.web..")
                .check(CLASSES);
    }

    /** The one home of quoting untrusted text is used by expression and protocol alike, so it needs only the JDK. */
    @Test
    void theTextHelpersImportOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.flagrunner.text..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.flagrunner.text..", "java..")
                .check(CLASSES);
    }

    /**
     * The root package holds the application class, which may know every feature (it starts the CLI or the
     * service); no feature knows it. The slices below do not see the root package, so this rule covers it.
     */
    @Test
    void noFeatureDependsOnTheRootPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flagrunner")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.flagrunner")
                .check(CLASSES);
    }

    /** No two packages depend on each other, however far round: each can be read, and changed, below the next. */
    @Test
    void noPackageCycles() {
        slices().matching("dev.flagrunner.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Every package says in a package-info what lives there and what it may use (as initializr does). */
    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java/dev/flagrunner");
        try (Stream<Path> dirs = Files.walk(root)) {
            List<Path> without = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJavaFile(d) && !Files.exists(d.resolve("package-info.java")))
                    .toList();
            assertThat(without).as("packages without a package-info.java").isEmpty();
        }
    }

    private static boolean hasJavaFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noScriptEngineEvaluatesServerInput() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javax.script..")
                .check(CLASSES);
    }
}
