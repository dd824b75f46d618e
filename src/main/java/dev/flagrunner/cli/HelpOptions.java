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
        spec.addOption(OptionSpec.builder("-h", "--help")
                .type(boolean.class)
                .initialValue(false)
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .type(boolean.class)
                .initialValue(false)
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
    }
}
