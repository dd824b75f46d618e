package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue and docs/api.md's problem table name the same problem types, each once. */
class ProblemCatalogueTest {

    private static final Pattern SLUG = Pattern.compile("`/problems/([a-z-]+)`");

    @Test
    void everySlugIsUniqueAndEveryStatusAnError() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
        assertThat(ProblemType.values()).allSatisfy(t -> {
            assertThat(t.slug()).matches("[a-z]+(-[a-z]+)*");
            assertThat(t.status().isError()).isTrue();
        });
    }

    @Test
    void theApiPagesProblemTableListsExactlyTheCatalogue() throws IOException {
        String api = Files.readString(Path.of("docs/api.md"));
        String table = api.substring(api.indexOf("| type | status |"), api.indexOf("## Examples"));
        Set<String> documented = new TreeSet<>();
        Matcher m = SLUG.matcher(table);
        while (m.find()) {
            documented.add(m.group(1));
        }

        assertThat(documented)
                .isEqualTo(Arrays.stream(ProblemType.values())
                        .map(ProblemType::slug)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }
}
