package dev.flagrunner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.config.FlagrunnerSecurityProperties;
import dev.flagrunner.mathserver.EmbeddedMathServer;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.refusal.Refusal;
import dev.flagrunner.refusal.RefusedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Every branch of {@link TargetResolver}, without a Spring context: a real embedded server (status, plain and
 * TLS, on loopback) and configured targets that nothing resolves, since the resolver never connects.
 */
class TargetResolverTest {

    private static final FlagrunnerProperties.Store MEMORY =
            new FlagrunnerProperties.Store(FlagrunnerProperties.Store.StoreType.MEMORY, Path.of("flagrunner-data"));

    /** status, plain, 27995 (the dialect's default port); no class id of its own. */
    private static final FlagrunnerProperties.Target LAB =
            new FlagrunnerProperties.Target("mathserver.lab", 27995, false, "status", null, "system", List.of());
    /** findcount over TLS on 27994, its own class id and protocols. */
    private static final FlagrunnerProperties.Target SECURE = new FlagrunnerProperties.Target(
            "mathserver.lab", 27994, true, "findcount", "cs3700fall2019", "system", List.of("TLSv1.3"));
    /** cs230 has no default TLS port. */
    private static final FlagrunnerProperties.Target OLD =
            new FlagrunnerProperties.Target("old.lab", 27993, false, "cs230", null, "system", List.of());

    private static final Map<String, FlagrunnerProperties.Target> TARGETS =
            Map.of("lab", LAB, "secure", SECURE, "old", OLD);

    private static EmbeddedMathServer embedded;
    private static MathServer statusPlain;
    private static MathServer statusTls;

    @BeforeAll
    static void startTheEmbeddedServer() {
        embedded = new EmbeddedMathServer(properties("embedded", Map.of(), List.of()), new SimpleMeterRegistry());
        embedded.start();
        statusPlain = embedded.listener(Dialects.STATUS, false).orElseThrow();
        statusTls = embedded.listener(Dialects.STATUS, true).orElseThrow();
    }

    @AfterAll
    static void stopTheEmbeddedServer() {
        embedded.stop();
    }

    private static FlagrunnerProperties properties(
            String defaultTarget, Map<String, FlagrunnerProperties.Target> targets, List<String> allowedEndpoints) {
        return new FlagrunnerProperties(
                defaultTarget,
                targets,
                allowedEndpoints,
                new FlagrunnerProperties.Session(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        200,
                        1000,
                        Duration.ofSeconds(10),
                        1_000_000,
                        Duration.ofMinutes(5),
                        DataSize.ofMegabytes(16)),
                new FlagrunnerProperties.Flags(100),
                MEMORY,
                new FlagrunnerProperties.EmbeddedServer(
                        true,
                        List.of("status"),
                        true,
                        new FlagrunnerProperties.Questions(100, 1000),
                        "",
                        List.of(),
                        null,
                        1024,
                        64,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(10)),
                new FlagrunnerProperties.Health(Duration.ofSeconds(30)),
                null,
                new FlagrunnerSecurityProperties(true, Map.of(), Path.of("flagrunner-token"), null),
                new FlagrunnerProperties.Web(Duration.ofSeconds(10), Duration.ofSeconds(10), List.of()));
    }

    private static TargetResolver resolver(String... allowedEndpoints) {
        return new TargetResolver(properties("embedded", TARGETS, List.of(allowedEndpoints)), embedded);
    }

    private static SessionRequest request(
            String target, String dialect, String host, Integer port, Boolean tls, String classId) {
        return new SessionRequest("001234567", target, dialect, host, port, tls, classId);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertProblem(
            ThrowingCallable call, Refusal refusal) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.reason()).isEqualTo(refusal));
    }

    @Nested
    class DefaultTarget {

        @Test
        void isTheEmbeddedServersPlainStatusListener() {
            assertThat(resolver().resolve(request(null, null, null, null, null, null)))
                    .isEqualTo(new ResolvedTarget(
                            "embedded",
                            statusPlain.host(),
                            statusPlain.port(),
                            false,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.EMBEDDED,
                            List.of()));
        }

        @Test
        void isTheConfiguredDefaultWhenOneIsSet() {
            TargetResolver resolver = new TargetResolver(properties("lab", TARGETS, List.of()), embedded);
            assertThat(resolver.resolve(request(null, null, null, null, null, null)))
                    .isEqualTo(new ResolvedTarget(
                            "lab",
                            "mathserver.lab",
                            27995,
                            false,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.SYSTEM,
                            List.of()));
        }
    }

    @Nested
    class EmbeddedTarget {

        @Test
        void tlsChoosesItsTlsListenerWithItsOwnTrust() {
            assertThat(resolver().resolve(request("embedded", null, null, null, true, null)))
                    .isEqualTo(new ResolvedTarget(
                            "embedded",
                            statusTls.host(),
                            statusTls.port(),
                            true,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.EMBEDDED,
                            List.of()));
        }

        @Test
        void tlsFalseIsThePlainListener() {
            assertThat(resolver()
                            .resolve(request("embedded", "status", null, null, false, null))
                            .port())
                    .isEqualTo(statusPlain.port());
        }

        @Test
        void aDialectWithoutAListenerIsUnavailableAndTheListenersAreNamed() {
            assertProblem(
                            () -> resolver().resolve(request(null, "findcount", null, null, null, null)),
                            Refusal.TARGET_UNAVAILABLE)
                    .hasMessageContaining("the embedded server has no plain listener for dialect findcount")
                    .hasMessageContaining("listeners: [status/plain, status/tls]");
        }

        @Test
        void aClassIdReplacesTheServersAndKeepsTheTarget() {
            assertThat(resolver().resolve(request(null, null, null, null, null, "cs5700fall2019")))
                    .isEqualTo(new ResolvedTarget(
                            "embedded",
                            statusPlain.host(),
                            statusPlain.port(),
                            false,
                            Dialects.STATUS,
                            "cs5700fall2019",
                            TargetTrust.EMBEDDED,
                            List.of()));
        }
    }

    @Nested
    class NamedTarget {

        @Test
        void isTakenFromTheConfiguration() {
            assertThat(resolver().resolve(request("secure", null, null, null, null, null)))
                    .isEqualTo(new ResolvedTarget(
                            "secure",
                            "mathserver.lab",
                            27994,
                            true,
                            Dialects.FINDCOUNT,
                            "cs3700fall2019",
                            TargetTrust.SYSTEM,
                            List.of("TLSv1.3")));
        }

        @Test
        void aRequestedDialectReplacesTheTargetsAndBringsItsDefaultClassId() {
            assertThat(resolver().resolve(request("lab", "eval2021", null, null, null, null)))
                    .isEqualTo(new ResolvedTarget(
                            "lab",
                            "mathserver.lab",
                            27995,
                            false,
                            Dialects.EVAL2021,
                            "cs5700spring2021",
                            TargetTrust.SYSTEM,
                            List.of()));
        }

        @Test
        void aRequestedClassIdKeepsTheTargetItsTrustAndItsEndpoint() {
            assertThat(resolver().resolve(request("secure", null, null, null, null, "cs3700fall2018")))
                    .isEqualTo(new ResolvedTarget(
                            "secure",
                            "mathserver.lab",
                            27994,
                            true,
                            Dialects.FINDCOUNT,
                            "cs3700fall2018",
                            TargetTrust.SYSTEM,
                            List.of("TLSv1.3")));
        }
    }

    @Nested
    class UnknownNames {

        @Test
        void anUnknownTargetListsTheKnownOnesSorted() {
            assertProblem(
                            () -> resolver().resolve(request("nope", null, null, null, null, null)),
                            Refusal.UNKNOWN_TARGET)
                    .hasMessage("unknown target 'nope' (known: embedded, lab, old, secure)");
        }

        @Test
        void withoutConfiguredTargetsOnlyTheEmbeddedOneIsKnown() {
            TargetResolver resolver = new TargetResolver(properties("embedded", Map.of(), List.of()), embedded);
            assertProblem(() -> resolver.resolve(request("lab", null, null, null, null, null)), Refusal.UNKNOWN_TARGET)
                    .hasMessage("unknown target 'lab' (known: embedded)");
        }

        @Test
        void anUnknownDialectIsTheDialectsOneText() {
            assertProblem(
                            () -> resolver().resolve(request("lab", "klingon", null, null, null, null)),
                            Refusal.UNKNOWN_DIALECT)
                    .hasMessage(Dialects.unknown("klingon"));
        }

        @Test
        void anUnknownDialectIsNamedBeforeAnUnknownTarget() {
            assertProblem(
                    () -> resolver().resolve(request("nope", "klingon", null, null, null, null)),
                    Refusal.UNKNOWN_DIALECT);
        }
    }

    @Nested
    class AdHocEndpoint {

        @Test
        void aHostOutsideTheAllowListIsRefusedLoopbackIncluded() {
            assertProblem(
                            () -> resolver().resolve(request(null, null, "evil.example", null, null, null)),
                            Refusal.ENDPOINT_NOT_ALLOWED)
                    .hasMessageStartingWith("endpoint evil.example:27995 is not allowed")
                    .hasMessageContaining(EndpointAllowList.KEY);
            assertProblem(
                            () -> resolver().resolve(request(null, null, "127.0.0.1", 9, null, null)),
                            Refusal.ENDPOINT_NOT_ALLOWED)
                    .hasMessageStartingWith("endpoint 127.0.0.1:9 is not allowed");
        }

        @Test
        void anAllowedHostGetsTheDialectsDefaultPortTheSystemTrustAndTheNameAdHoc() {
            assertThat(resolver("mathserver.other:27995")
                            .resolve(request(null, null, "mathserver.other", null, null, null)))
                    .isEqualTo(new ResolvedTarget(
                            TargetResolver.AD_HOC,
                            "mathserver.other",
                            27995,
                            false,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.SYSTEM,
                            List.of()));
        }

        @Test
        void aPortRangeEntryAllowsItsPortsOnly() {
            TargetResolver resolver = resolver("mathserver.other:28000-28010");
            assertThat(resolver.resolve(request(null, null, "mathserver.other", 28010, null, null))
                            .port())
                    .isEqualTo(28010);
            assertProblem(
                    () -> resolver.resolve(request(null, null, "mathserver.other", 28011, null, null)),
                    Refusal.ENDPOINT_NOT_ALLOWED);
            assertProblem(
                    () -> resolver.resolve(request(null, null, "mathserver.else", 28005, null, null)),
                    Refusal.ENDPOINT_NOT_ALLOWED);
        }

        @Test
        void aPortAloneIsCheckedToo() {
            assertProblem(
                            () -> resolver().resolve(request(null, null, null, 22, null, null)),
                            Refusal.ENDPOINT_NOT_ALLOWED)
                    .hasMessageStartingWith("endpoint " + statusPlain.host() + ":22 is not allowed");
        }

        @Test
        void anotherEmbeddedListenerNeedsNoEntryButIsAdHoc() {
            assertThat(resolver().resolve(request(null, null, null, statusTls.port(), false, null)))
                    .isEqualTo(new ResolvedTarget(
                            TargetResolver.AD_HOC,
                            statusPlain.host(),
                            statusTls.port(),
                            false,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.SYSTEM,
                            List.of()));
        }

        @Test
        void aConfiguredTargetsEndpointNeedsNoEntry() {
            assertThat(resolver().resolve(request(null, null, "MATHSERVER.lab", 27994, null, null)))
                    .isEqualTo(new ResolvedTarget(
                            TargetResolver.AD_HOC,
                            "MATHSERVER.lab",
                            27994,
                            false,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.SYSTEM,
                            List.of()));
        }
    }

    @Nested
    class TargetWithHostOrPort {

        private static final String BOTH = "'target' and 'host'/'port' exclude each other: name a target, or a host"
                + " and port, not both (target 'lab'";

        @Test
        void aTargetWithAHostIsRefusedNamingBoth() {
            assertProblem(
                            () -> resolver("mathserver.other:27995")
                                    .resolve(request("lab", null, "mathserver.other", null, null, null)),
                            Refusal.INVALID)
                    .hasMessage(BOTH + ", host given)");
        }

        @Test
        void aTargetWithAPortIsRefusedNamingBoth() {
            assertProblem(
                            () -> resolver("mathserver.lab:28000")
                                    .resolve(request("lab", null, null, 28000, null, null)),
                            Refusal.INVALID)
                    .hasMessage(BOTH + ", port given)");
        }

        @Test
        void aTargetWithItsOwnPortIsRefusedToo() {
            assertProblem(() -> resolver().resolve(request("lab", null, null, 27995, null, null)), Refusal.INVALID)
                    .hasMessage(BOTH + ", port given)");
        }

        @Test
        void aTargetWithHostAndPortIsRefusedBeforeTheAllowList() {
            assertProblem(
                            () -> resolver().resolve(request("lab", null, "127.0.0.1", 6379, null, null)),
                            Refusal.INVALID)
                    .hasMessage(BOTH + ", host given, port given)");
        }
    }

    @Nested
    class TlsToggle {

        @Test
        void theTargetsOwnSettingChangesNothing() {
            assertThat(resolver().resolve(request("lab", null, null, null, false, null)))
                    .isEqualTo(resolver().resolve(request("lab", null, null, null, null, null)));
        }

        @Test
        void turningTlsOnMovesToTheDialectsTlsPortWhichMustBeAllowed() {
            assertProblem(
                            () -> resolver().resolve(request("lab", null, null, null, true, null)),
                            Refusal.ENDPOINT_NOT_ALLOWED)
                    .hasMessageStartingWith("endpoint mathserver.lab:27996");
        }

        @Test
        void anAllowedTlsPortKeepsTheTargetsNameAndTrust() {
            assertThat(resolver("mathserver.lab:27996").resolve(request("lab", null, null, null, true, null)))
                    .isEqualTo(new ResolvedTarget(
                            "lab",
                            "mathserver.lab",
                            27996,
                            true,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.SYSTEM,
                            List.of()));
        }

        @Test
        void turningTlsOffMovesToTheDialectsPlainPort() {
            assertThat(resolver("mathserver.lab:27993").resolve(request("secure", null, null, null, false, null)))
                    .isEqualTo(new ResolvedTarget(
                            "secure",
                            "mathserver.lab",
                            27993,
                            false,
                            Dialects.FINDCOUNT,
                            "cs3700fall2019",
                            TargetTrust.SYSTEM,
                            List.of("TLSv1.3")));
        }

        @Test
        void aDialectWithoutADefaultPortForTheTransportAsksForAPort() {
            assertProblem(() -> resolver().resolve(request("old", null, null, null, true, null)), Refusal.INVALID)
                    .hasMessage("dialect cs230 has no default TLS port: give 'port'");
            assertThat(resolver("old.lab:443").resolve(request(null, "cs230", "old.lab", 443, true, null)))
                    .isEqualTo(new ResolvedTarget(
                            TargetResolver.AD_HOC,
                            "old.lab",
                            443,
                            true,
                            Dialects.CS230,
                            "cs230",
                            TargetTrust.SYSTEM,
                            List.of()));
        }

        @Test
        void aHostWithoutAPortTakesTheDefaultPortOfTheRequestedTransport() {
            assertProblem(
                            () -> resolver().resolve(request(null, "eval2022", "mathserver.other", null, null, null)),
                            Refusal.INVALID)
                    .hasMessage("dialect eval2022 has no default plain port: give 'port'");
            assertThat(resolver("mathserver.other:27996")
                            .resolve(request(null, null, "mathserver.other", null, true, null)))
                    .isEqualTo(new ResolvedTarget(
                            TargetResolver.AD_HOC,
                            "mathserver.other",
                            27996,
                            true,
                            Dialects.STATUS,
                            "cs5700fall2020",
                            TargetTrust.SYSTEM,
                            List.of()));
        }
    }
}
