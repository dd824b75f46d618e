package dev.flagrunner.config;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A {@code flagrunner.*} key that binds to nothing (a typo: unknown keys fail the start) is reported with the
 * valid key nearest to it, and where the file has it, instead of Spring's "were left unbound" that names no key
 * it resembles. Registered in {@code META-INF/spring.factories}; ahead of Spring Boot's own analyzer of the same
 * exception.
 */
class MisspeltKeyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
        implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        List<ConfigurationProperty> ours = cause.getUnboundProperties().stream()
                .filter(p -> p.getName().toString().startsWith(FlagrunnerKeys.PREFIX + "."))
                .sorted()
                .toList();
        if (ours.isEmpty()) {
            return null; // not ours: Spring Boot's analyzer speaks
        }
        String description =
                ours.stream().map(MisspeltKeyFailureAnalyzer::describe).collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                description,
                "Correct the key (or remove it). Every flagrunner.* key, with its default, is in the shipped"
                        + " application.yml and in docs/architecture.md section 6.4.",
                cause);
    }

    static String describe(ConfigurationProperty property) {
        String key = property.getName().toString();
        String where = property.getOrigin() != null ? " (" + property.getOrigin() + ")" : "";
        return FlagrunnerKeys.nearest(key)
                .map(nearest -> "'" + key + "'" + where + " is not a Flagrunner key: did you mean '" + nearest + "'?")
                .orElseGet(() -> "'" + key + "'" + where + " is not a Flagrunner key; the keys there are: "
                        + String.join(", ", FlagrunnerKeys.siblings(key)));
    }
}
