package dev.flagrunner.support;

import dev.flagrunner.config.FlagrunnerProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What the service's beans take, for a small context ({@link ApiSlice}, an {@code ApplicationContextRunner}):
 * {@code flagrunner.*} bound and validated as at a real start, and a meter registry. Only imported, never a
 * component: the tests that start the whole application scan this package too.
 */
@EnableConfigurationProperties(FlagrunnerProperties.class)
public class ConfigurationBeans {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
