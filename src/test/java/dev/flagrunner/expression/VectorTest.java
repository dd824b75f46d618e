package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Every row of every test-vector file (docs/protocol.md, "Test vectors"), as one test each. The files are
 * test resources beside this class ({@code vectors/*.tsv}); a missing file fails the build rather than
 * skipping.
 */
class VectorTest {

    private static final Map<String, Arithmetic> FILES = Map.of(
            "status.tsv", Arithmetic.STATUS_FLOOR,
            "cs230.tsv", Arithmetic.CS230_TRUNCATE,
            "eval2021.tsv", Arithmetic.EVAL2021,
            "eval2022.tsv", Arithmetic.EVAL2022,
            "eece.tsv", Arithmetic.EECE_TRUE_DIVISION,
            "findcount.tsv", Arithmetic.FIND_COUNT);

    /** The row counts of the vector files, so a truncated or missing file cannot pass quietly. */
    private static final Map<String, Integer> ROWS = Map.of(
            "status.tsv",
            45,
            "cs230.tsv",
            41,
            "eval2021.tsv",
            41,
            "eval2022.tsv",
            47,
            "eece.tsv",
            41,
            "findcount.tsv",
            43);

    record Row(String file, int line, String expression, String expected) {}

    static Stream<Arguments> rows() {
        return FILES.keySet().stream()
                .sorted()
                .flatMap(file -> read(file).stream())
                .map(row -> Arguments.of(Named.of(
                        row.file() + ":" + row.line() + " " + shorten(row.expression()) + " → " + row.expected(),
                        row)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsTheVectorSays(Row row) throws ExpressionException {
        Arithmetic arithmetic = FILES.get(row.file());
        switch (row.expected()) {
            case "DIVZERO" -> {
                ExpressionException e = catchThrowableOfType(
                        ExpressionException.class, () -> Evaluator.evaluate(arithmetic, row.expression()));
                assertThat(e).as("an exception").isNotNull();
                assertThat(e.kind()).isEqualTo(ExpressionException.Kind.UNSUPPORTED);
                assertThat(e.getMessage()).contains("division by zero");
            }
            case "ERR #DIV/0" ->
                assertThat(Evaluator.evaluate(arithmetic, row.expression())).isEqualTo(Answer.DivisionByZero.INSTANCE);
            default ->
                assertThat(Evaluator.evaluate(arithmetic, row.expression()))
                        .isEqualTo(new Answer.Value(row.expected()));
        }
    }

    @Test
    void everyFileHasItsRows() {
        for (String file : FILES.keySet()) {
            assertThat(read(file)).as(file).hasSize(ROWS.get(file));
        }
    }

    /**
     * The findcount rows agree with a plain count of the symbol in the string, independent of FindCount.
     * Two rows of the upstream file counted the symbol itself as well ({@code z zzzzzzzzz} said 10,
     * {@code ~ ~a~b~c~} said 5); they are corrected here, and this keeps such a row from coming back.
     */
    @Test
    void everyFindcountRowIsTheSymbolsCountInTheString() {
        for (Row row : read("findcount.tsv")) {
            char symbol = row.expression().charAt(0);
            String string = row.expression().substring(2);
            long count = string.chars().filter(c -> c == symbol).count();
            assertThat(row.expected()).as(row.file() + ":" + row.line()).isEqualTo(Long.toString(count));
        }
    }

    /** Reads {@code expression<TAB>expected} rows, keeping every space of the expression column. */
    static List<Row> read(String file) {
        String resource = "vectors/" + file;
        try (InputStream in = VectorTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource dev/flagrunner/expression/" + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
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
