package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EECE true division beyond the spec's 1..1000, against answers CPython printed
 * ({@code python-true-division.tsv}): big and negative operands, subnormal and underflowing quotients,
 * overflow, exponent notation, and values where JDK 17's {@code Double.toString} is not Python's text.
 */
class PythonTrueDivisionTest {

    static Stream<Arguments> cpython() {
        return MalformedInputTest.resourceLines("python-true-division.tsv").stream()
                .filter(line -> !line.startsWith("#") && !line.isEmpty())
                .map(line -> line.split("\t"))
                .map(f -> Arguments.of(Named.of(shorten(f[0]) + " / " + shorten(f[1]) + " → " + f[2], f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpython")
    void dividesAsCPython(String[] row) throws ExpressionException {
        String question = row[0] + " / " + row[1];
        if (row[2].equals("OverflowError")) {
            ExpressionException e = catchThrowableOfType(
                    ExpressionException.class, () -> Evaluator.evaluate(Arithmetic.EECE_TRUE_DIVISION, question));
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(ExpressionException.Kind.UNSUPPORTED);
            assertThat(e.position()).isEqualTo(row[0].length() + 1);
            return;
        }
        assertThat(Evaluator.evaluate(Arithmetic.EECE_TRUE_DIVISION, question)).isEqualTo(new Answer.Value(row[2]));
    }

    @Test
    void reprOfSpecialValues() {
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PythonFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloat.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PythonFloat.repr(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(PythonFloat.repr(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
        assertThat(PythonFloat.repr(0.1)).isEqualTo("0.1");
        assertThat(PythonFloat.repr(1e23)).isEqualTo("1e+23");
        assertThat(PythonFloat.repr(9007199254740993.0)).isEqualTo("9007199254740992.0");
        assertThat(PythonFloat.repr(1234567890123456.7)).isEqualTo("1234567890123456.8");
    }

    private static String shorten(String number) {
        return number.length() > 24 ? number.substring(0, 12) + "…(" + number.length() + " digits)" : number;
    }
}
