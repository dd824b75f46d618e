package dev.flagrunner.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the jar's manifest names, or that this is a build from source. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {
            "flagrunner " + (version != null ? version : "(development build, no jar manifest)"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
