package dev.flagrunner.expression;

import static dev.flagrunner.support.SeededProperty.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Draw;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** {@code a op b} in status (floor), cs230 (truncation) and eece (Python true division). */
class OneLinerPropertyTest {

    private static final int TRIES = 1000;
    private static final BigInteger BIG = BigInteger.TEN.pow(60);
    private static final BigInteger TWENTY = BigInteger.valueOf(20);
    private static final Arithmetic[] ONE_LINERS = {
        Arithmetic.STATUS_FLOOR, Arithmetic.CS230_TRUNCATE, Arithmetic.EECE_TRUE_DIVISION
    };

    @Test
    void statusFloorsLikeMathFloorDiv() {
        forAll(TRIES, draw -> {
            int a = draw.anyInt();
            int b = draw.anyNonZeroInt();
            assertThat(answer(Arithmetic.STATUS_FLOOR, a + " / " + b))
                    .as("%d / %d", a, b)
                    .isEqualTo(Long.toString(Math.floorDiv((long) a, b)));
        });
    }

    @Test
    void cs230TruncatesLikeJavaDivision() {
        forAll(TRIES, draw -> {
            int a = draw.anyInt();
            int b = draw.anyNonZeroInt();
            assertThat(answer(Arithmetic.CS230_TRUNCATE, a + " / " + b))
                    .as("%d / %d", a, b)
                    .isEqualTo(Long.toString((long) a / b));
        });
    }

    @Test
    void bigOperandsDivideAsTheOracleRounds() {
        forAll(TRIES, draw -> {
            BigInteger a = big(draw);
            BigInteger b;
            do {
                b = big(draw);
            } while (b.signum() == 0);
            String question = a + " / " + b;
            assertThat(answer(Arithmetic.STATUS_FLOOR, question))
                    .as(question)
                    .isEqualTo(ExpressionTree.divide(a, b, RoundingMode.FLOOR).toString());
            assertThat(answer(Arithmetic.CS230_TRUNCATE, question))
                    .as(question)
                    .isEqualTo(ExpressionTree.divide(a, b, RoundingMode.DOWN).toString());
        });
    }

    @Test
    void addSubtractMultiplyAreExactInEveryOneLinerDialect() {
        forAll(TRIES, draw -> {
            BigInteger a = big(draw);
            BigInteger b = big(draw);
            for (Arithmetic arithmetic : ONE_LINERS) {
                assertThat(answer(arithmetic, a + " + " + b))
                        .as("%s: %s + %s", arithmetic, a, b)
                        .isEqualTo(a.add(b).toString());
                assertThat(answer(arithmetic, a + " - " + b))
                        .as("%s: %s - %s", arithmetic, a, b)
                        .isEqualTo(a.subtract(b).toString());
                assertThat(answer(arithmetic, a + " * " + b))
                        .as("%s: %s * %s", arithmetic, a, b)
                        .isEqualTo(a.multiply(b).toString());
            }
        });
    }

    @Test
    void leadingZerosAndExtraSpacesChangeNothing() {
        forAll(TRIES, draw -> {
            int a = draw.intBetween(0, 1000);
            int b = draw.intBetween(1, 1000);
            String operator = draw.oneOf("+", "-", "*", "/");
            int zeros = draw.intBetween(0, 3);
            int spaces = draw.intBetween(1, 4);
            String plain = a + " " + operator + " " + b;
            String padded = " ".repeat(spaces - 1)
                    + "0".repeat(zeros)
                    + a
                    + " ".repeat(spaces)
                    + operator
                    + " ".repeat(spaces)
                    + "0".repeat(zeros)
                    + b
                    + " ".repeat(spaces - 1);
            for (Arithmetic arithmetic : ONE_LINERS) {
                assertThat(answer(arithmetic, padded))
                        .as("%s: '%s'", arithmetic, padded)
                        .isEqualTo(answer(arithmetic, plain));
            }
        });
    }

    /** docs/protocol.md §4: in the spec's range JDK 17's Double.toString already equals Python's str(). */
    @Test
    void eeceQuotientsInTheSpecRangeMatchJavaDoubleToString() {
        forAll(TRIES, draw -> {
            int a = draw.intBetween(1, 1000);
            int b = draw.intBetween(1, 1000);
            assertThat(answer(Arithmetic.EECE_TRUE_DIVISION, a + " / " + b))
                    .as("%d / %d", a, b)
                    .isEqualTo(Double.toString(a / (double) b));
        });
    }

    /** Up to 60 digits, or (as often) between -20 and 20, where zero divisors and exact quotients are common. */
    private static BigInteger big(Draw draw) {
        return draw.oneIn(2)
                ? draw.bigIntegerBetween(BIG.negate(), BIG)
                : draw.bigIntegerBetween(TWENTY.negate(), TWENTY);
    }

    private static String answer(Arithmetic arithmetic, String payload) throws ExpressionException {
        return ((Answer.Value) Evaluator.evaluate(arithmetic, payload)).text();
    }
}
