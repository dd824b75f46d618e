package dev.flagrunner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.FlagrunnerApplication;
import dev.flagrunner.support.ConfigurationBeans;
import dev.flagrunner.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code flagrunner.security.enabled: false}: every caller has every role, and only on a loopback address. */
class OpenModeTest {

    private static ConfigurableApplicationContext start(String address) {
        return new SpringApplicationBuilder(FlagrunnerApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=" + address,
                        "--flagrunner.security.enabled=false",
                        "--flagrunner.embedded-server.dialects=status",
                        "--flagrunner.embedded-server.tls=false",
                        "--flagrunner.embedded-server.questions.min=1",
                        "--flagrunner.embedded-server.questions.max=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.1"})
    void isRefusedOnAnAddressThatIsNotLoopbackNamingBothKeys(String address) {
        // The security configuration refuses it: no need to start the service and its listeners for that.
        new WebApplicationContextRunner()
                .withUserConfiguration(ConfigurationBeans.class, SliceSecurity.class)
                .withPropertyValues("server.address=" + address, "flagrunner.security.enabled=false")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("flagrunner.security.enabled=false")
                        .hasStackTraceContaining("server.address is " + address));
    }

    @Test
    void isRefusedWhenTheServiceListensOnEveryInterface() {
        assertThatThrownBy(() -> SecurityConfiguration.requireLoopbackForOpenMode(false, null))
                .hasMessageContaining("server.address is not set (every interface)");
        assertThatThrownBy(() -> SecurityConfiguration.requireLoopbackForOpenMode(false, " "))
                .hasMessageContaining("flagrunner.security.enabled=false");
        SecurityConfiguration.requireLoopbackForOpenMode(true, "0.0.0.0"); // tokens on: any address
    }

    @Test
    void onLoopbackEveryCallerMayDoEverythingWithoutAToken() {
        try (ConfigurableApplicationContext open = start("127.0.0.1")) {
            Http anyone =
                    new Http(((WebServerApplicationContext) open).getWebServer().getPort()).anonymous();

            Http.Response session = anyone.postJson("/sessions", "{\"studentId\":\"open\"}");
            assertThat(session.status()).as(session.body()).isEqualTo(201);
            assertThat(session.json().get("owner").asString()).isEqualTo("open");
            assertThat(anyone.get("/flags").json().findValuesAsString("flag"))
                    .contains(session.json().get("flag").asString());
            assertThat(anyone.get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(anyone.get("/actuator/health").json().has("components")).isTrue();
        }
    }
}
