package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every shared vector file (PROTOCOL.md §11), as one test each. The files live outside
 * the project ({@code ../shared/vectors}); a missing folder fails the build rather than skipping.
 */
class VectorTest {

    static final Path VECTORS = Path.of("..", "shared", "vectors");

    private static final Map<String, Arithmetic> FILES = Map.of(
            "status.tsv", Arithmetic.STATUS_FLOOR,
            "cs230.tsv", Arithmetic.CS230_TRUNCATE,
            "eval2021.tsv", Arithmetic.EVAL2021,
            "eval2022.tsv", Arithmetic.EVAL2022,
            "eece.tsv", Arithmetic.EECE_TRUE_DIVISION,
            "findcount.tsv", Arithmetic.FIND_COUNT);

    /** The row counts PROTOCOL.md §11 promises, so a truncated or missing file cannot pass quietly. */
    private static final Map<String, Integer> ROWS = Map.of(
            "status.tsv", 45, "cs230.tsv", 41, "eval2021.tsv", 41, "eval2022.tsv", 47, "eece.tsv", 41,
            "findcount.tsv", 43);

    /**
     * Rows of the shared files that are wrong, with the answer checked instead. Both count the symbol
     * itself as well as its occurrences in the string, unlike every other row ({@code A AAAA} → 4,
     * {@code ! !} → 1, {@code \ \\\} → 3) and unlike PROTOCOL.md §5.2 ("occurrences of symbol in
     * string"); a CPython recount of all 43 rows disagrees only here. The test fails once a row is
     * corrected upstream, so the erratum is then removed instead of lingering.
     */
    private static final Map<String, String> ERRATA = Map.of(
            "findcount.tsv:z zzzzzzzzz", "9",
            "findcount.tsv:~ ~a~b~c~", "4");

    record Row(String file, int line, String expression, String expected) {}

    static Stream<Arguments> rows() {
        return FILES.keySet().stream().sorted().flatMap(file -> read(file).stream())
                .map(row -> Arguments.of(Named.of(row.file() + ":" + row.line() + " " + shorten(row.expression())
                        + " → " + row.expected(), row)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsTheVectorSays(Row row) throws ExpressionException {
        Arithmetic arithmetic = FILES.get(row.file());
        String expected = row.expected();
        String corrected = ERRATA.get(row.file() + ":" + row.expression());
        if (corrected != null) {
            assertThat(expected).as("erratum still needed (else remove it from ERRATA)").isNotEqualTo(corrected);
            expected = corrected;
        }
        switch (expected) {
            case "DIVZERO" -> {
                ExpressionException e = catchThrowableOfType(ExpressionException.class,
                        () -> Evaluator.evaluate(arithmetic, row.expression()));
                assertThat(e).as("an exception").isNotNull();
                assertThat(e.kind()).isEqualTo(ExpressionException.Kind.UNSUPPORTED);
                assertThat(e.getMessage()).contains("division by zero");
            }
            case "ERR #DIV/0" -> assertThat(Evaluator.evaluate(arithmetic, row.expression()))
                    .isEqualTo(Answer.DivisionByZero.INSTANCE);
            default -> assertThat(Evaluator.evaluate(arithmetic, row.expression()))
                    .isEqualTo(new Answer.Value(expected));
        }
    }

    @Test
    void everyErratumNamesARowOfTheFiles() {
        List<String> keys = FILES.keySet().stream().flatMap(file -> read(file).stream())
                .map(row -> row.file() + ":" + row.expression()).toList();
        assertThat(keys).containsAll(ERRATA.keySet());
    }

    @Test
    void everyFileHasTheRowsTheProtocolPromises() {
        for (String file : FILES.keySet()) {
            assertThat(read(file)).as(file).hasSize(ROWS.get(file));
        }
    }

    /** Reads {@code expression<TAB>expected} rows, keeping every space of the expression column. */
    static List<Row> read(String file) {
        Path path = VECTORS.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("vector file " + path.toAbsolutePath().normalize()
                    + " is missing: the shared vectors must sit at ../shared/vectors beside the project");
        }
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII);
            List<Row> rows = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty() && i == lines.length - 1) {
                    break; // the final line feed
                }
                int tab = lines[i].lastIndexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(file + ":" + (i + 1) + " has no tab");
                }
                rows.add(new Row(file, i + 1, lines[i].substring(0, tab), lines[i].substring(tab + 1)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String expression) {
        String shown = expression.length() > 40 ? expression.substring(0, 40) + "…" : expression;
        return "[" + shown + "]";
    }
}
