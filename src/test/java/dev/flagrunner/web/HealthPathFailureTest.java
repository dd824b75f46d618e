package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.util.Assert;

/**
 * A path below a health component without members is told from a bug by who threw, not by the message:
 * {@code EveryErrorIsAProblemTest} shows the 404 of the health endpoint's own failure end to end.
 */
class HealthPathFailureTest {

    @Test
    void theSameMessageFromOurOwnCodeIsNotTheHealthEndpoints() {
        Throwable ours = catchThrowable(() -> Assert.state(false, "'contributor' must not be null"));

        assertThat(ours).isInstanceOf(IllegalStateException.class);
        assertThat(ApiExceptionHandler.thrownByTheHealthEndpoint(ours)).isFalse();
        assertThat(ApiExceptionHandler.thrownByTheHealthEndpoint(
                        new IllegalStateException("'contributor' must not be null")))
                .isFalse();
    }

    @Test
    void aFailureThrownInTheHealthEndpointsPackageIs() {
        IllegalStateException e = new IllegalStateException("whatever the words");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.springframework.util.Assert", "state", "Assert.java", 80),
            new StackTraceElement(
                    "org.springframework.boot.health.actuate.endpoint.HealthEndpointSupport",
                    "getContributor",
                    "HealthEndpointSupport.java",
                    120),
        });

        assertThat(ApiExceptionHandler.thrownByTheHealthEndpoint(e)).isTrue();
    }

    @Test
    void aFailureInASubPackageOfItIsNot() {
        IllegalStateException e = new IllegalStateException("'contributor' must not be null");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    "org.springframework.boot.health.actuate.endpoint.other.Thing", "run", "Thing.java", 1),
        });

        assertThat(ApiExceptionHandler.thrownByTheHealthEndpoint(e)).isFalse();
    }
}
