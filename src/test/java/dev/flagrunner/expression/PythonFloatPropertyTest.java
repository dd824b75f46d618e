package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Python's float text for arbitrary doubles: it reads back exactly and is never longer than Java's. */
class PythonFloatPropertyTest {

    @Property(tries = 2000)
    void reprReadsBackAsTheSameDouble(@ForAll double d) {
        Assume.that(Double.isFinite(d));
        assertThat(Double.parseDouble(PythonFloat.repr(d))).isEqualTo(d);
    }

    @Property(tries = 2000)
    void reprHasNoMoreSignificantDigitsThanJava(@ForAll double d) {
        Assume.that(Double.isFinite(d) && d != 0);
        assertThat(significantDigits(PythonFloat.repr(d))).isLessThanOrEqualTo(significantDigits(Double.toString(d)));
    }

    @Property(tries = 2000)
    void reprOfRandomBitPatternsReadsBack(@ForAll long bits) {
        double d = Double.longBitsToDouble(bits);
        Assume.that(Double.isFinite(d));
        assertThat(Double.parseDouble(PythonFloat.repr(d))).isEqualTo(d);
    }

    private static int significantDigits(String text) {
        String mantissa = text.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }
}
