package dev.flagrunner.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's standard {@code -h, --help} and {@code -V, --version} for a model built by hand, with the texts of
 * {@code mixinStandardHelpOptions}: that attribute reads picocli's own annotated mixin, and reading annotations is
 * what a model built by hand saves (docs/startup.md).
 */
final class HelpOptions {

    private HelpOptions() {}

    static void addTo(CommandSpec spec) {
        spec.addOption(flag("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(flag("-V", "--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
    }

    /**
     * An option without a value, false until given, as an annotated {@code boolean} field is: without the initial
     * value, one not given would read as null.
     */
    static OptionSpec.Builder flag(String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false);
    }
}
