package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long fast path answers exactly as the general parser does, or leaves the question to it: it may
 * decline anything, but what it answers must be what {@link BinaryQuestionParser} answers, and it must
 * answer the questions the real servers send (else it would not be a fast path).
 */
class SmallOneLinerTest {

    private static final Arithmetic[] ONE_LINERS = {
            Arithmetic.STATUS_FLOOR, Arithmetic.CS230_TRUNCATE, Arithmetic.EECE_TRUE_DIVISION};

    @Property(tries = 2000)
    void answersAsTheGeneralParserOrDeclines(@ForAll("operands") BigInteger a, @ForAll("operators") String operator,
            @ForAll("operands") BigInteger b, @ForAll @IntRange(min = 0, max = 2) int outer,
            @ForAll @IntRange(min = 1, max = 3) int inner) {
        String payload = " ".repeat(outer) + a + " ".repeat(inner) + operator + " ".repeat(inner) + b + " ".repeat(outer);
        for (Arithmetic arithmetic : ONE_LINERS) {
            assertAgrees(arithmetic, payload);
        }
    }

    @Property
    void answersEveryQuestionOfTheRealServersRanges(@ForAll @IntRange(min = -1000, max = 1000) int a,
            @ForAll("operators") String operator, @ForAll @IntRange(min = 1, max = 1000) int b) {
        String payload = a + " " + operator + " " + b;
        assertThat(SmallOneLiner.answer(Arithmetic.STATUS_FLOOR, payload)).isEqualTo(general(Arithmetic.STATUS_FLOOR, payload));
        assertThat(SmallOneLiner.answer(Arithmetic.CS230_TRUNCATE, payload)).isEqualTo(general(Arithmetic.CS230_TRUNCATE, payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "999999999999999999 * 999999999999999999", // 18 digits each: the product needs 120 bits
            "-999999999999999999 * 999999999999999999",
            "3037000500 * 3037000500", // just over 2^63
            "-3037000499 * 3037000500", // just under -2^63
            "999999999999999999 + 999999999999999999",
            "-999999999999999999 - 999999999999999999",
            "1000000000000000000 + 1", // 19 digits: declined
            "-999999999999999999 / -1",
            "-7 / 2", "7 / -2", "-7 / -2", "0 / -5", "7 / 0", "0 / 0",
            "000000000000000000000005 + 1", // leading zeros beyond 18 digits: declined, same answer
            "5 -3", "5 - -3", "5 + +3", "+5 + 3", "- 5 + 3", "5 +3", "5+ 3", "5 + 3x", "5 % 3", "5 ^ 3",
            "5\t+ 3", "5 + 3\r", "", " ", "5", "5 +", "5 + ", "+", "-", "5 + 3 + 1", "\u0665 + 1", "5 ＋ 3",
    })
    void edgeCasesAgreeWithTheGeneralParser(String payload) {
        for (Arithmetic arithmetic : ONE_LINERS) {
            assertAgrees(arithmetic, payload);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 + 2", "  1000   *   -1000  ", "-7 / 2", "999999999999999999 - -999999999999999999"})
    void answersSmallQuestionsItself(String payload) {
        assertThat(SmallOneLiner.answer(Arithmetic.STATUS_FLOOR, payload)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7 / 0", "3037000500 * 3037000500", "1000000000000000000 + 1", "5 -3"})
    void leavesToTheGeneralParserWhatItCannotAnswer(String payload) {
        assertThat(SmallOneLiner.answer(Arithmetic.STATUS_FLOOR, payload)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7 / 2", "1 / 3"})
    void leavesTrueDivisionToTheGeneralParser(String payload) {
        assertThat(SmallOneLiner.answer(Arithmetic.EECE_TRUE_DIVISION, payload)).isNull();
    }

    private static void assertAgrees(Arithmetic arithmetic, String payload) {
        String fast = SmallOneLiner.answer(arithmetic, payload);
        if (fast != null) {
            assertThat(fast).as("%s: %s", arithmetic, payload).isEqualTo(general(arithmetic, payload));
        }
    }

    /** The general path's answer text, or null where it has none (an error or no value). */
    private static String general(Arithmetic arithmetic, String payload) {
        try {
            Answer answer = BinaryQuestionParser.parse(payload).answer(arithmetic);
            return answer instanceof Answer.Value value ? value.text() : null;
        } catch (ExpressionException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<BigInteger> operands() {
        BigInteger longEdge = BigInteger.TEN.pow(18);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(longEdge.negate(), longEdge),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-4_000_000_000L), BigInteger.valueOf(4_000_000_000L)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
                        longEdge.subtract(BigInteger.ONE), longEdge.subtract(BigInteger.ONE).negate(), longEdge,
                        BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE)));
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("+", "-", "*", "/");
    }
}
