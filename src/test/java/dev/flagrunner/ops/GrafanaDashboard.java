package dev.flagrunner.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ops/grafana/flagrunner.json read as data: its panels, their PromQL, and its template variables. */
final class GrafanaDashboard {

    static final Path FILE = Path.of("ops", "grafana", "flagrunner.json");

    /** The fixed range that stands in for Grafana's interval variables when a query is run outside Grafana. */
    static final String RANGE = "1m";

    private static final Pattern BUILT_IN_INTERVAL = Pattern.compile("\\$__(rate_interval|interval|range)\\b");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)");

    /** One query of one panel. */
    record Query(String panel, String refId, String expr) {
        @Override
        public String toString() {
            return panel + " [" + refId + "]";
        }
    }

    /** A query variable: its name, its label_values(...) definition and the value that stands for "All". */
    record Variable(String name, String definition, String allValue) {}

    private final JsonNode root;

    private GrafanaDashboard(JsonNode root) {
        this.root = root;
    }

    static GrafanaDashboard load() {
        try {
            return new GrafanaDashboard(JsonMapper.builder().build().readTree(Files.readString(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Every panel, rows' nested panels included. */
    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : root.get("panels")) {
            out.add(p);
            if (p.has("panels")) {
                p.get("panels").forEach(out::add);
            }
        }
        return out;
    }

    List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels()) {
            if (p.has("targets")) {
                for (JsonNode t : p.get("targets")) {
                    out.add(new Query(
                            p.get("title").asString(),
                            t.get("refId").asString(),
                            t.get("expr").asString()));
                }
            }
        }
        return out;
    }

    List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : root.get("templating").get("list")) {
            out.add(new Variable(
                    v.get("name").asString(),
                    v.get("definition").asString(),
                    v.has("allValue") ? v.get("allValue").asString() : null));
        }
        return out;
    }

    /** The query as Prometheus would get it from Grafana with every variable on "All" and a 1m range. */
    String resolve(String expr) {
        String out = BUILT_IN_INTERVAL.matcher(expr).replaceAll(RANGE);
        for (Variable v : variables()) {
            String name = Pattern.quote(v.name());
            out = out.replaceAll(
                    "\\$\\{" + name + "(:[a-z]+)?}|\\$" + name + "\\b|\\[\\[" + name + "]]",
                    Matcher.quoteReplacement(v.allValue()));
        }
        return out;
    }

    /** The PromQL behind a variable's {@code label_values(metric, label)}: the label's values over the series. */
    static String labelValuesQuery(Variable v) {
        Matcher m = LABEL_VALUES.matcher(v.definition());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "variable " + v.name() + ": not label_values(metric, label): " + v.definition());
        }
        return "count by (" + m.group(2) + ") (" + m.group(1) + ")";
    }
}
