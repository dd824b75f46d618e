package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token streams of both notations, and literal values across the long/BigInteger hand-over. */
class ScannerTest {

    @Test
    void wordsNotationGluesTheMinusToDigits() throws ExpressionException {
        assertThat(tokens("( -7 - 2 ) <<^ //", Notation.WORDS))
                .containsExactly(
                        "LEFT_PAREN (",
                        "NUMBER -7",
                        "MINUS -",
                        "NUMBER 2",
                        "RIGHT_PAREN )",
                        "SHIFT_XOR <<^",
                        "SLASH_SLASH //",
                        "EOF ");
    }

    @Test
    void pythonNotationNeedsNoSpacesAndKeepsMinusAnOperator() throws ExpressionException {
        assertThat(tokens("(-7-2)//3*4", Notation.PYTHON))
                .containsExactly(
                        "LEFT_PAREN (",
                        "MINUS -",
                        "NUMBER 7",
                        "MINUS -",
                        "NUMBER 2",
                        "RIGHT_PAREN )",
                        "SLASH_SLASH //",
                        "NUMBER 3",
                        "STAR *",
                        "NUMBER 4",
                        "EOF ");
    }

    @Test
    void endsWithEofAndStaysThere() throws ExpressionException {
        Scanner scanner = new Scanner("   ", Notation.WORDS);
        scanner.next();
        assertThat(scanner.type()).isEqualTo(TokenType.EOF);
        assertThat(scanner.start()).isEqualTo(3);
        assertThat(scanner.describe()).isEqualTo("end of input");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "7",
                "999999999999999999",
                "-999999999999999999",
                "1000000000000000000",
                "9223372036854775807",
                "-9223372036854775808",
                "9223372036854775808",
                "18446744073709551616",
                "0000000000000000000000000042",
                "-0000000000000000000000000042"
            })
    void literalValues(String text) throws ExpressionException {
        Scanner scanner = new Scanner(text, Notation.WORDS);
        scanner.next();
        assertThat(scanner.type()).isEqualTo(TokenType.NUMBER);
        assertThat(scanner.literal()).isEqualTo(new BigInteger(text));
    }

    private static List<String> tokens(String source, Notation notation) throws ExpressionException {
        Scanner scanner = new Scanner(source, notation);
        List<String> tokens = new ArrayList<>();
        do {
            scanner.next();
            tokens.add(scanner.type() + " " + source.substring(scanner.start(), scanner.end()));
        } while (scanner.type() != TokenType.EOF);
        return tokens;
    }
}
