package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flagrunner.expression.ExpressionException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that no dialect may answer: each case names the error kind and the position the message must
 * point at. The small cases are data ({@code malformed.tsv}); the giants are generated here, and each
 * must fail fast — no {@link StackOverflowError}, no {@link OutOfMemoryError}, no hang.
 */
class MalformedInputTest {

    /** {@code messagePart} is matched literally: messages escape control characters themselves. */
    record Case(Arithmetic arithmetic, String input, Kind kind, int position, String messagePart) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void refusesWithKindAndPosition(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("giants")
    @Timeout(10)
    void refusesGiantsQuickly(Case c) {
        assertRefused(c);
    }

    static Stream<Arguments> table() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : resourceLines("malformed.tsv")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            Arithmetic arithmetic = dev.flagrunner.protocol.Dialects.byName(fields[0])
                    .orElseThrow()
                    .arithmetic();
            Case c = new Case(
                    arithmetic, unescape(fields[1]), Kind.valueOf(fields[2]), Integer.parseInt(fields[3]), fields[4]);
            cases.add(
                    Arguments.of(Named.of(fields[0] + " [" + fields[1] + "] → " + fields[2] + " at " + fields[3], c)));
        }
        return cases.stream();
    }

    static Stream<Arguments> giants() {
        String digits10k = "9".repeat(10_000);
        String digits4301 = "9".repeat(4_301);
        String nines = "9".repeat(Scanner.MAX_LITERAL_DIGITS);
        String fiveFactors = String.join(" * ", nines, nines, nines, nines, nines);
        ProductTree tree = ProductTree.balanced(nines, 3);
        // X = nines^4 (57,136 bits, 893 words) built for 224 x (224 + 447 + 670) word operations, then " + 1"
        // at 893 + 1 each: the first '+' that takes the total over 2^24 is where the question is refused.
        String fourFactors = String.join(" * ", nines, nines, nines, nines);
        long built = 224L * (224 + 447 + 670);
        long additionsWithin = (IntegerMath.MAX_WORK - built) / (893 + 1);
        String overWork = fourFactors + " + 1".repeat((1 << 20) / 4);
        int overWorkAt = fourFactors.length() + 1 + (int) additionsWithin * 4;
        return Stream.of(
                giant(
                        "status: a 10,000-digit operand",
                        Arithmetic.STATUS_FLOOR,
                        digits10k + " + 1",
                        Kind.TOO_LARGE,
                        0,
                        "number of 10000 digits at column 1, more than the limit of 4300"),
                giant(
                        "cs230: a negative 10,000-digit operand",
                        Arithmetic.CS230_TRUNCATE,
                        "1 - -" + digits10k,
                        Kind.TOO_LARGE,
                        4,
                        "number of 10000 digits"),
                giant(
                        "eval2021: a 10,000-digit operand",
                        Arithmetic.EVAL2021,
                        "1 + " + digits10k,
                        Kind.TOO_LARGE,
                        4,
                        "number of 10000 digits"),
                giant(
                        "eval2022: a 10,000-digit operand",
                        Arithmetic.EVAL2022,
                        "( 1 + " + digits10k + " )",
                        Kind.TOO_LARGE,
                        6,
                        "number of 10000 digits at column 7"),
                giant(
                        "eval2021: one digit over the literal limit",
                        Arithmetic.EVAL2021,
                        digits4301,
                        Kind.TOO_LARGE,
                        0,
                        "number of 4301 digits"),
                giant(
                        "eval2021: 100,000 nested parentheses",
                        Arithmetic.EVAL2021,
                        "(".repeat(100_000) + "1" + ")".repeat(100_000),
                        Kind.TOO_LARGE,
                        200,
                        "parentheses nested deeper than 200 at column 201"),
                giant(
                        "eval2021: 100,000 unclosed parentheses",
                        Arithmetic.EVAL2021,
                        "(".repeat(100_000),
                        Kind.TOO_LARGE,
                        200,
                        "nested deeper than 200"),
                giant(
                        "eval2021: 100,000 closing parentheses",
                        Arithmetic.EVAL2021,
                        ")".repeat(100_000),
                        Kind.MALFORMED,
                        0,
                        "found ')'"),
                giant(
                        "eval2022: 100,000 nested parentheses",
                        Arithmetic.EVAL2022,
                        "( ".repeat(100_000) + "1" + " + 1 )".repeat(100_000),
                        Kind.TOO_LARGE,
                        400,
                        "parentheses nested deeper than 200 at column 401"),
                giant(
                        "eval2022: 201 nested parentheses",
                        Arithmetic.EVAL2022,
                        chain(201),
                        Kind.TOO_LARGE,
                        400,
                        "nested deeper than 200"),
                giant(
                        "eval2021: a product over the bit cap",
                        Arithmetic.EVAL2021,
                        fiveFactors,
                        Kind.TOO_LARGE,
                        nthIndexOf(fiveFactors, '*', 4),
                        "more than the limit of 65536 bits"),
                giant(
                        "eval2022: a product tree over the bit cap",
                        Arithmetic.EVAL2022,
                        tree.text(),
                        Kind.TOO_LARGE,
                        tree.rootOperator(),
                        "result of '*'"),
                giant(
                        "eval2021: 1 MiB of additions to a 57,000-bit value, over the work limit",
                        Arithmetic.EVAL2021,
                        overWork,
                        Kind.TOO_LARGE,
                        overWorkAt,
                        "work of the question up to '+' at column " + (overWorkAt + 1)
                                + ", more than the limit of 16777216 word operations for one question"),
                giant(
                        "eece: a quotient beyond a double",
                        Arithmetic.EECE_TRUE_DIVISION,
                        "1" + "0".repeat(400) + " / 1",
                        Kind.UNSUPPORTED,
                        402,
                        "quotient too large for a float"),
                giant(
                        "findcount: 1 MiB of non-ASCII",
                        Arithmetic.FIND_COUNT,
                        "a " + "é".repeat(1 << 20),
                        Kind.MALFORMED,
                        2,
                        "'\\u00e9'"));
    }

    @Nested
    class AcceptedAtTheLimits {

        @Test
        void literalOfExactlyTheLimit() throws ExpressionException {
            String nines = "9".repeat(Scanner.MAX_LITERAL_DIGITS);
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, nines)).isEqualTo(new Answer.Value(nines));
        }

        @Test
        void nestingOfExactlyTheLimit() throws ExpressionException {
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2022, chain(200))).isEqualTo(new Answer.Value("201"));
            String python = "(".repeat(200) + "7" + ")".repeat(200);
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, python)).isEqualTo(new Answer.Value("7"));
        }

        @Test
        void productJustUnderTheBitCap() throws ExpressionException {
            String nines = "9".repeat(Scanner.MAX_LITERAL_DIGITS);
            Answer answer = Evaluator.evaluate(Arithmetic.EVAL2021, String.join(" * ", nines, nines, nines, nines));
            assertThat(((Answer.Value) answer).text()).hasSize(4 * Scanner.MAX_LITERAL_DIGITS);
        }

        @Test
        void aMebibyteOfSmallAdditionsIsWithinTheWorkLimit() throws ExpressionException {
            // 262,143 additions of one-word values: 524,286 word operations, far under the limit.
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, "1" + " + 1".repeat((1 << 20) / 4 - 1)))
                    .isEqualTo(new Answer.Value("262144"));
        }

        @Test
        @Timeout(10)
        void hundredThousandUnaryMinusesCostNoStack() throws ExpressionException {
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, "- ".repeat(100_000) + "5"))
                    .isEqualTo(new Answer.Value("5"));
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, "-".repeat(99_999) + "5"))
                    .isEqualTo(new Answer.Value("-5"));
        }

        @Test
        void divisionByZeroInsideAnOtherwiseOversizedExpressionIsStillAnAnswer() throws ExpressionException {
            // Python stops at the first ZeroDivisionError, so what follows is never computed.
            String nines = "9".repeat(Scanner.MAX_LITERAL_DIGITS);
            String payload = "1 // 0 + " + String.join(" * ", nines, nines, nines, nines, nines);
            assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, payload)).isEqualTo(Answer.DivisionByZero.INSTANCE);
        }
    }

    private static void assertRefused(Case c) {
        ExpressionException e =
                catchThrowableOfType(ExpressionException.class, () -> Evaluator.evaluate(c.arithmetic(), c.input()));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).as("kind").isEqualTo(c.kind());
        assertThat(e.position()).as("position").isEqualTo(c.position());
        assertThat(e.getMessage()).contains("at column " + (c.position() + 1)).contains(c.messagePart());
        assertThat(e.getMessage())
                .as("short and printable")
                .hasSizeLessThan(200)
                .matches("[\\x20-\\x7e…]*");
    }

    /** {@code ( ( … ( 1 + 1 ) + 1 ) … + 1 )}: n nested parentheses, value n + 1. */
    static String chain(int n) {
        return "( ".repeat(n) + "1 + 1 )" + " + 1 )".repeat(n - 1);
    }

    /** A balanced {@code *} tree of {@code 2^levels} copies of a literal, remembering the root operator. */
    record ProductTree(String text, int rootOperator) {
        static ProductTree balanced(String literal, int levels) {
            if (levels == 0) {
                return new ProductTree(literal, -1);
            }
            ProductTree half = balanced(literal, levels - 1);
            String prefix = "( " + half.text() + " ";
            return new ProductTree(prefix + "* " + half.text() + " )", prefix.length());
        }
    }

    private static Arguments giant(
            String name, Arithmetic arithmetic, String input, Kind kind, int position, String messagePart) {
        return Arguments.of(Named.of(name, new Case(arithmetic, input, kind, position, messagePart)));
    }

    private static int nthIndexOf(String s, char c, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = s.indexOf(c, index + 1);
        }
        return index;
    }

    static List<String> resourceLines(String name) {
        try (InputStream in = Objects.requireNonNull(MalformedInputTest.class.getResourceAsStream(name), name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Undoes the table's escapes: backslash t, r, n, backslash, and u followed by four hex digits. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + next + " in " + s);
            }
        }
        return out.toString();
    }
}
