package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The long fast paths against the BigDecimal oracle, around the edges where they hand over. */
class IntegerMathTest {

    @Test
    void divisionAndTextAgreeWithTheOracleAroundTheLongBoundaries() {
        List<BigInteger> values = new ArrayList<>();
        for (int bits : new int[] {0, 1, 31, 32, 61, 62, 63, 64, 65, 127}) {
            BigInteger power = BigInteger.ONE.shiftLeft(bits);
            for (int delta = -2; delta <= 2; delta++) {
                values.add(power.add(BigInteger.valueOf(delta)));
                values.add(power.negate().add(BigInteger.valueOf(delta)));
            }
        }
        for (BigInteger a : values) {
            assertThat(IntegerMath.toText(a)).isEqualTo(a.toString());
            for (BigInteger b : values) {
                if (b.signum() == 0) {
                    continue;
                }
                assertThat(IntegerMath.floorDivide(a, b))
                        .as(a + " // " + b)
                        .isEqualTo(ExpressionTree.divide(a, b, RoundingMode.FLOOR));
                assertThat(IntegerMath.truncatingDivide(a, b))
                        .as(a + " / " + b)
                        .isEqualTo(ExpressionTree.divide(a, b, RoundingMode.DOWN));
            }
        }
    }
}
