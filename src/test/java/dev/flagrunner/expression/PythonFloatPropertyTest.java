package dev.flagrunner.expression;

import static dev.flagrunner.support.SeededProperty.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Python's float text for arbitrary doubles: it reads back exactly and is never longer than Java's. */
class PythonFloatPropertyTest {

    private static final int TRIES = 2000;

    @Test
    void reprReadsBackAsTheSameDouble() {
        forAll(TRIES, draw -> {
            double d = draw.anyFiniteDouble();
            assertThat(Double.parseDouble(PythonFloat.repr(d)))
                    .as("repr(%s)", d)
                    .isEqualTo(d);
        });
    }

    @Test
    void reprHasNoMoreSignificantDigitsThanJava() {
        forAll(TRIES, draw -> {
            double d;
            do {
                d = draw.anyFiniteDouble();
            } while (d == 0);
            assertThat(significantDigits(PythonFloat.repr(d)))
                    .as("repr(%s) = %s", d, PythonFloat.repr(d))
                    .isLessThanOrEqualTo(significantDigits(Double.toString(d)));
        });
    }

    @Test
    void reprOfRandomBitPatternsReadsBack() {
        forAll(TRIES, draw -> {
            double d;
            do {
                d = Double.longBitsToDouble(draw.anyLong());
            } while (!Double.isFinite(d));
            assertThat(Double.parseDouble(PythonFloat.repr(d)))
                    .as("repr(%s)", d)
                    .isEqualTo(d);
        });
    }

    private static int significantDigits(String text) {
        String mantissa = text.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }
}
