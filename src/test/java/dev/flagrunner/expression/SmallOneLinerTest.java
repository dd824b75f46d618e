package dev.flagrunner.expression;

import static dev.flagrunner.support.SeededProperty.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Draw;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long fast path answers exactly as the general parser does, or leaves the question to it: it may
 * decline anything, but what it answers must be what {@link BinaryQuestionParser} answers, and it must
 * answer the questions the real servers send (else it would not be a fast path).
 */
class SmallOneLinerTest {

    private static final Arithmetic[] ONE_LINERS = {
        Arithmetic.STATUS_FLOOR, Arithmetic.CS230_TRUNCATE, Arithmetic.EECE_TRUE_DIVISION
    };

    @Test
    void answersAsTheGeneralParserOrDeclines() {
        forAll(2000, draw -> {
            BigInteger a = operand(draw);
            String operator = operator(draw);
            BigInteger b = operand(draw);
            int outer = draw.intBetween(0, 2);
            int inner = draw.intBetween(1, 3);
            String payload =
                    " ".repeat(outer) + a + " ".repeat(inner) + operator + " ".repeat(inner) + b + " ".repeat(outer);
            for (Arithmetic arithmetic : ONE_LINERS) {
                assertAgrees(arithmetic, payload);
            }
        });
    }

    @Test
    void answersEveryQuestionOfTheRealServersRanges() {
        forAll(1000, draw -> {
            String payload = draw.intBetween(-1000, 1000) + " " + operator(draw) + " " + draw.intBetween(1, 1000);
            assertThat(SmallOneLiner.answer(Arithmetic.STATUS_FLOOR, payload))
                    .as(payload)
                    .isEqualTo(general(Arithmetic.STATUS_FLOOR, payload));
            assertThat(SmallOneLiner.answer(Arithmetic.CS230_TRUNCATE, payload))
                    .as(payload)
                    .isEqualTo(general(Arithmetic.CS230_TRUNCATE, payload));
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "999999999999999999 * 999999999999999999", // 18 digits each: the product needs 120 bits
                "-999999999999999999 * 999999999999999999",
                "3037000500 * 3037000500", // just over 2^63
                "-3037000499 * 3037000500", // just under -2^63
                "999999999999999999 + 999999999999999999",
                "-999999999999999999 - 999999999999999999",
                "1000000000000000000 + 1", // 19 digits: declined
                "-999999999999999999 / -1",
                "-7 / 2",
                "7 / -2",
                "-7 / -2",
                "0 / -5",
                "7 / 0",
                "0 / 0",
                "000000000000000000000005 + 1", // leading zeros beyond 18 digits: declined, same answer
                "5 -3",
                "5 - -3",
                "5 + +3",
                "+5 + 3",
                "- 5 + 3",
                "5 +3",
                "5+ 3",
                "5 + 3x",
                "5 % 3",
                "5 ^ 3",
                "5\t+ 3",
                "5 + 3\r",
                "",
                " ",
                "5",
                "5 +",
                "5 + ",
                "+",
                "-",
                "5 + 3 + 1",
                "\u0665 + 1",
                "5 ＋ 3",
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

    /** The real servers' range, up to 18 digits (the long path's edge), beyond 32 bits, or an edge value. */
    private static BigInteger operand(Draw draw) {
        BigInteger longEdge = BigInteger.TEN.pow(18);
        return switch (draw.intBetween(0, 3)) {
            case 0 -> draw.bigIntegerBetween(BigInteger.valueOf(-1000), BigInteger.valueOf(1000));
            case 1 -> draw.bigIntegerBetween(longEdge.negate(), longEdge);
            case 2 -> draw.bigIntegerBetween(BigInteger.valueOf(-4_000_000_000L), BigInteger.valueOf(4_000_000_000L));
            default ->
                draw.oneOf(
                        BigInteger.ZERO,
                        BigInteger.ONE,
                        BigInteger.ONE.negate(),
                        longEdge.subtract(BigInteger.ONE),
                        longEdge.subtract(BigInteger.ONE).negate(),
                        longEdge,
                        BigInteger.valueOf(Long.MAX_VALUE),
                        BigInteger.valueOf(Long.MIN_VALUE));
        };
    }

    private static String operator(Draw draw) {
        return draw.oneOf("+", "-", "*", "/");
    }
}
