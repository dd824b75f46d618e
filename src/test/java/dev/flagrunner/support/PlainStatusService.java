package dev.flagrunner.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port with one plain status listener, answering also for the host name
 * {@code flagrunner.internal}: one annotation, so the tests that need nothing more share one cached context
 * instead of starting one each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.dialects=status",
            "flagrunner.embedded-server.tls=false",
            "flagrunner.web.allowed-host-names=flagrunner.internal"
        })
public @interface PlainStatusService {}
