package dev.flagrunner.support;

import dev.flagrunner.security.SliceSecurity;
import dev.flagrunner.web.SliceJson;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice of the HTTP API: the given controllers with the service's exception handler,
 * filters, JSON (as strict as the service's) and security (a request needs one of {@link TestTokens}), on MockMvc without a server or the
 * rest of the service. The test imports the real beans its controllers need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({SliceSecurity.class, SliceJson.class, ConfigurationBeans.class})
public @interface ApiSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    /** Properties of the slice, as {@code key=value}. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
    String[] properties() default {};
}
