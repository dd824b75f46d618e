package dev.flagrunner.ops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random loopback port with metrics export on (without {@code @AutoConfigureMetrics}
 * a test context answers 404 at {@code /actuator/prometheus}). One annotation, so the tests that scrape
 * share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.questions.min=20",
            "flagrunner.embedded-server.questions.max=60",
            // SessionTraffic's failed sessions go to closed loopback ports the caller names.
            "flagrunner.allowed-endpoints=127.0.0.1:1024-65535,127.43.21.9:1024-65535"
        })
@interface ObservedService {}
