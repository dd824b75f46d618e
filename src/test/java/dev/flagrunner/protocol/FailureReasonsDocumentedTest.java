package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's table of failure reasons and docs/architecture.md §6.2 name every reason of the enum, in its order. */
class FailureReasonsDocumentedTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|");

    private static final List<String> REASONS =
            Arrays.stream(FailureReason.values()).map(Enum::name).toList();

    @Test
    void readmesTableListsEveryReasonInOrder() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("### Failure reasons"), readme.indexOf("## Command line"));
        Matcher m = ROW.matcher(table);
        List<String> documented = new java.util.ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }

        assertThat(documented).isEqualTo(REASONS);
    }

    @Test
    void theArchitecturesContractListsEveryReasonInOrder() throws IOException {
        String architecture = Files.readString(Path.of("docs/architecture.md"));
        String section = architecture.substring(
                architecture.indexOf("### 6.2 Failure reasons"), architecture.indexOf("### 6.3"));
        String list = section.substring(section.indexOf("`protocol/FailureReason`:"), section.indexOf(". Each is"));

        assertThat(Pattern.compile("`([A-Z_]+)`")
                        .matcher(list)
                        .results()
                        .map(r -> r.group(1))
                        .toList())
                .isEqualTo(REASONS);
    }
}
