package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's table of failure reasons names every {@link FailureReason}, each once, and nothing else. */
class FailureReasonTableTest {

    @Test
    void readmeListsEveryReasonOnce() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Failure reasons");
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(section);
        List<String> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertThat(rows)
                .containsExactlyElementsOf(
                        Arrays.stream(FailureReason.values()).map(Enum::name).toList());
    }
}
