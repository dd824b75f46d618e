package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@code a op b} in status (floor), cs230 (truncation) and eece (Python true division). */
class OneLinerPropertyTest {

    @Property
    void statusFloorsLikeMathFloorDiv(@ForAll int a, @ForAll int b) throws ExpressionException {
        Assume.that(b != 0);
        assertThat(answer(Arithmetic.STATUS_FLOOR, a + " / " + b)).isEqualTo(Long.toString(Math.floorDiv((long) a, b)));
    }

    @Property
    void cs230TruncatesLikeJavaDivision(@ForAll int a, @ForAll int b) throws ExpressionException {
        Assume.that(b != 0);
        assertThat(answer(Arithmetic.CS230_TRUNCATE, a + " / " + b)).isEqualTo(Long.toString((long) a / b));
    }

    @Property
    void bigOperandsDivideAsTheOracleRounds(@ForAll("big") BigInteger a, @ForAll("big") BigInteger b)
            throws ExpressionException {
        Assume.that(b.signum() != 0);
        String question = a + " / " + b;
        assertThat(answer(Arithmetic.STATUS_FLOOR, question))
                .isEqualTo(ExpressionTree.divide(a, b, RoundingMode.FLOOR).toString());
        assertThat(answer(Arithmetic.CS230_TRUNCATE, question))
                .isEqualTo(ExpressionTree.divide(a, b, RoundingMode.DOWN).toString());
    }

    @Property
    void addSubtractMultiplyAreExactInEveryOneLinerDialect(@ForAll("big") BigInteger a, @ForAll("big") BigInteger b)
            throws ExpressionException {
        for (Arithmetic arithmetic : new Arithmetic[] {
                Arithmetic.STATUS_FLOOR, Arithmetic.CS230_TRUNCATE, Arithmetic.EECE_TRUE_DIVISION}) {
            assertThat(answer(arithmetic, a + " + " + b)).isEqualTo(a.add(b).toString());
            assertThat(answer(arithmetic, a + " - " + b)).isEqualTo(a.subtract(b).toString());
            assertThat(answer(arithmetic, a + " * " + b)).isEqualTo(a.multiply(b).toString());
        }
    }

    @Property
    void leadingZerosAndExtraSpacesChangeNothing(@ForAll @IntRange(min = 0, max = 1000) int a,
            @ForAll @IntRange(min = 1, max = 1000) int b, @ForAll("operators") String operator,
            @ForAll @IntRange(min = 0, max = 3) int zeros, @ForAll @IntRange(min = 1, max = 4) int spaces)
            throws ExpressionException {
        String plain = a + " " + operator + " " + b;
        String padded = " ".repeat(spaces - 1) + "0".repeat(zeros) + a + " ".repeat(spaces) + operator
                + " ".repeat(spaces) + "0".repeat(zeros) + b + " ".repeat(spaces - 1);
        for (Arithmetic arithmetic : new Arithmetic[] {
                Arithmetic.STATUS_FLOOR, Arithmetic.CS230_TRUNCATE, Arithmetic.EECE_TRUE_DIVISION}) {
            assertThat(answer(arithmetic, padded)).isEqualTo(answer(arithmetic, plain));
        }
    }

    /** docs/protocol.md §4: in the spec's range JDK 17's Double.toString already equals Python's str(). */
    @Property
    void eeceQuotientsInTheSpecRangeMatchJavaDoubleToString(@ForAll @IntRange(min = 1, max = 1000) int a,
            @ForAll @IntRange(min = 1, max = 1000) int b) throws ExpressionException {
        assertThat(answer(Arithmetic.EECE_TRUE_DIVISION, a + " / " + b)).isEqualTo(Double.toString(a / (double) b));
    }

    @Provide
    Arbitrary<BigInteger> big() {
        BigInteger limit = BigInteger.TEN.pow(60);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(limit.negate(), limit),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-20), BigInteger.valueOf(20)));
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("+", "-", "*", "/");
    }

    private static String answer(Arithmetic arithmetic, String payload) throws ExpressionException {
        return ((Answer.Value) Evaluator.evaluate(arithmetic, payload)).text();
    }
}
