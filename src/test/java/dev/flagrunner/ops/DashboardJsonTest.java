package dev.flagrunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard file imports cleanly into Grafana: the datasource is an input, every panel and query uses it,
 * and the panels users asked for are there. Whether each query is true is DashboardQueriesTest's job.
 */
class DashboardJsonTest {

    private final GrafanaDashboard dashboard = GrafanaDashboard.load();

    @Test
    void asksForThePrometheusDatasourceOnImport() {
        JsonNode input = dashboard.root().get("__inputs").get(0);

        assertThat(dashboard.root().get("__inputs")).hasSize(1);
        assertThat(input.get("name").asString()).isEqualTo("DS_PROMETHEUS");
        assertThat(input.get("type").asString()).isEqualTo("datasource");
        assertThat(input.get("pluginId").asString()).isEqualTo("prometheus");
        assertThat(dashboard.root().get("id").isNull())
                .as("an exported dashboard has no database id")
                .isTrue();
        assertThat(dashboard.root().get("uid").asString()).isEqualTo("flagrunner");
    }

    @Test
    void everyPanelQueryAndVariableUsesThatDatasource() {
        for (JsonNode p : dashboard.panels()) {
            if (!p.get("type").asString().equals("row")) {
                assertThat(p.get("datasource").get("uid").asString())
                        .as(p.get("title").asString())
                        .isEqualTo("${DS_PROMETHEUS}");
                p.get("targets")
                        .forEach(t -> assertThat(t.get("datasource").get("uid").asString())
                                .as(p.get("title").asString())
                                .isEqualTo("${DS_PROMETHEUS}"));
            }
        }
        dashboard
                .root()
                .get("templating")
                .get("list")
                .forEach(v ->
                        assertThat(v.get("datasource").get("uid").asString()).isEqualTo("${DS_PROMETHEUS}"));
    }

    @Test
    void hasThePanelsUsersWatch() {
        List<String> titles =
                dashboard.panels().stream().map(p -> p.get("title").asString()).toList();

        assertThat(titles)
                .contains(
                        "Session rate by status and reason",
                        "Failure rate by reason",
                        "Failures by reason (in range)",
                        "Active sessions",
                        "Session duration quantiles",
                        "Question rate by dialect",
                        "Question latency quantiles",
                        "Flags captured and evicted",
                        "Flags stored",
                        "Heap",
                        "Threads",
                        "GC pauses");
    }

    @Test
    void quantilesComeFromTheHistogramBuckets() {
        assertThat(dashboard.queries())
                .filteredOn(q -> q.panel().endsWith("quantiles"))
                .hasSize(6)
                .allSatisfy(q -> assertThat(q.expr())
                        .startsWith("histogram_quantile(")
                        .contains("_bucket{")
                        .contains("by (le"));
    }

    @Test
    void panelIdsAreUnique() {
        List<Integer> ids =
                dashboard.panels().stream().map(p -> p.get("id").asInt()).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void resolvingAQueryLeavesNoGrafanaVariable() {
        assertThat(dashboard.queries())
                .allSatisfy(q -> assertThat(dashboard.resolve(q.expr())).doesNotContain("$"));
        assertThat(dashboard.resolve("rate(x{dialect=~\"$dialect\", instance=~\"${instance}\"}[$__rate_interval])"))
                .isEqualTo("rate(x{dialect=~\".*\", instance=~\".*\"}[1m])");
    }
}
