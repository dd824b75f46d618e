package dev.flagrunner.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScrapeTest {

    private static final String TEXT = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.5E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 5000000.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 4.0E7
            jvm_threads_live_threads 28.0
            flagrunner_session_duration_seconds_bucket{dialect="status",le="+Inf"} 3
            flagrunner_example_max_seconds +Inf
            flagrunner_example_min_seconds -Inf
            flagrunner_example_ratio NaN
            """;

    @Test
    void sumsASeriesOrTheSeriesWithALabel() {
        Scrape scrape = Scrape.parse(TEXT);

        assertThat(scrape.sum("jvm_memory_used_bytes", "area", "heap")).isEqualTo(2.0E7);
        assertThat(scrape.sum("jvm_memory_used_bytes")).isEqualTo(6.0E7);
        assertThat(scrape.sum("jvm_threads_live_threads")).isEqualTo(28.0);
        assertThat(scrape.named("flagrunner_session_duration_seconds_bucket")
                        .get(0)
                        .labels())
                .containsEntry("le", "+Inf");
    }

    @Test
    void readsTheTextFormatsInfinitiesAndNaN() {
        Scrape scrape = Scrape.parse(TEXT);

        assertThat(scrape.sum("flagrunner_example_max_seconds")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(scrape.sum("flagrunner_example_min_seconds")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(scrape.sum("flagrunner_example_ratio")).isNaN();
    }

    @Test
    void refusesALineThatIsNoSample() {
        assertThatThrownBy(() -> Scrape.parse("{broken} 1\n")).hasMessage("not a sample line: {broken} 1");
        assertThatThrownBy(() -> Scrape.parse("name value\n")).isInstanceOf(NumberFormatException.class);
    }
}
