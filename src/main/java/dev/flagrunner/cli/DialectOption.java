package dev.flagrunner.cli;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --dialect} option of every tool: its values for help and completion, and its conversion. */
final class DialectOption {

    private DialectOption() {}

    /** The dialects' names, for {@code ${COMPLETION-CANDIDATES}} and the shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Dialects.all().stream().map(Dialect::name).iterator();
        }
    }

    static final class Converter implements ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String name) {
            // No orElseThrow(lambda): the CDS archive does not keep a lambda whose type is picocli's (Java 5's).
            Optional<Dialect> dialect = Dialects.byName(name);
            if (dialect.isEmpty()) {
                throw new TypeConversionException(Dialects.unknown(name));
            }
            return dialect.get();
        }
    }

    /** The help's closing lines: each dialect's class string and default ports. */
    static List<String> defaultsTable() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("");
        lines.add("Dialects: class string, default port plain / TLS (-, none: give -p):");
        for (Dialect d : Dialects.all()) {
            lines.add(String.format(
                    java.util.Locale.ROOT,
                    "  %-10s %-17s %s / %s",
                    d.name(),
                    d.defaultClassId(),
                    port(d.plainPort()),
                    port(d.tlsPort())));
        }
        return lines;
    }

    private static String port(int port) {
        return port == 0 ? "-" : String.valueOf(port);
    }
}
