package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ServerMessageParserTest {

    private static final String FLAG = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private final ServerMessageParser status = new ServerMessageParser(Dialects.STATUS, "cs5700fall2020");
    private final ServerMessageParser findcount = new ServerMessageParser(Dialects.FINDCOUNT, "cs3700fall2020");
    private final ServerMessageParser eece = new ServerMessageParser(Dialects.EECE, "EECE7374");

    @Test
    void aQuestionKeepsItsPayloadAsSent() throws SessionFailure {
        assertThat(status.parse("cs5700fall2020 STATUS 12  +  7", 1)).isEqualTo(new ServerMessage.Question("12  +  7"));
    }

    @Test
    void byeInEitherOrderCarriesTheFlag() throws SessionFailure {
        assertThat(status.parse("cs5700fall2020 " + FLAG + " BYE", 5)).isEqualTo(new ServerMessage.Flag(FLAG));
        assertThat(status.parse("cs5700fall2020 BYE " + FLAG, 5)).isEqualTo(new ServerMessage.Flag(FLAG));
    }

    @Test
    void aByeInsideAFindStringIsAQuestion() throws SessionFailure {
        assertThat(findcount.parse("cs3700fall2020 FIND B xBYEyBYE", 2))
                .isEqualTo(new ServerMessage.Question("B xBYEyBYE"));
    }

    @Test
    void unknownHuskyIdIsAnUnknownStudent() throws SessionFailure {
        assertThat(status.parse("cs5700fall2020 Unknown_Husky_ID BYE", 1))
                .isEqualTo(new ServerMessage.UnknownStudent("Unknown_Husky_ID"));
    }

    @Test
    void eeceSuccAndFail() throws SessionFailure {
        assertThat(eece.parse("EECE7374 SUCC " + FLAG, 101)).isEqualTo(new ServerMessage.Flag(FLAG));
        assertThat(eece.parse("EECE7374 FAIL", 7)).isInstanceOf(ServerMessage.Rejected.class);
        // The sample server's FAIL-then-SUCC bug: the FAIL is the outcome.
        assertThat(eece.parse("EECE7374 FAILEECE7374 SUCC " + FLAG, 100)).isInstanceOf(ServerMessage.Rejected.class);
    }

    /** No 12 consecutive characters of the flag: a quote cut to 80 characters would still carry most of it. */
    static void assertNoPartOfTheFlagIn(String detail) {
        for (int i = 0; i + 12 <= FLAG.length(); i++) {
            assertThat(detail).doesNotContain(FLAG.substring(i, i + 12));
        }
    }

    @Nested
    class Malformed {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "cs5700fall2019 STATUS 1 + 2      | wrong class string (expected 'cs5700fall2020') in message 3",
                    "cs5700fall2020 HELLO 1 + 2       | unknown message keyword in message 3",
                    "cs5700fall2020                   | unknown message keyword in message 3",
                    "cs5700fall2020 STATUS            | malformed STATUS message in message 3",
                    "cs5700fall2020 x BYE extra       | end message with 4 fields (expected 3) in message 3",
                    "cs5700fall2020 BYE               | end message with 2 fields (expected 3) in message 3",
                    "garbage\u0001\u00ff              | wrong class string",
                })
        void linesAreRefusedWithASpecificDetail(String line, String detail) {
            assertThatThrownBy(() -> status.parse(line, 3)).isInstanceOfSatisfying(SessionFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
                assertThat(f.detail()).contains(detail);
            });
        }

        @Test
        void aQuestionOfTheWrongFieldCountIsLeftToTheEvaluatorWhichRefusesIt() throws SessionFailure {
            // The parser splits off the payload only; its fields are the expression grammar's business.
            assertThat(status.parse("cs5700fall2020 STATUS 1 +", 3)).isEqualTo(new ServerMessage.Question("1 +"));
            assertThatThrownBy(() -> Evaluator.evaluate(Dialects.STATUS.arithmetic(), "1 +"))
                    .isInstanceOfSatisfying(ExpressionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.MALFORMED);
                        assertThat(e.getMessage()).isEqualTo("expected a number at column 4, found end of input");
                    });
        }

        @Test
        void aShortFlagIsRefusedWithoutQuotingIt() {
            String flag63 = FLAG.substring(1);

            assertThatThrownBy(() -> status.parse("cs5700fall2020 " + flag63 + " BYE", 9))
                    .isInstanceOfSatisfying(SessionFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
                        assertThat(f.detail()).contains("63 characters").doesNotContain(flag63);
                    });
        }

        /** End lines of the wrong shape: each carries the whole flag, so none may be quoted. */
        static Stream<Arguments> linesCarryingAFlag() {
            return Stream.of(
                    Arguments.of(
                            "status", "cs5700fall2020 " + FLAG + " BYE ", "end message with 4 fields (expected 3)"),
                    Arguments.of(
                            "status", "cs5700fall2020 BYE " + FLAG + " x", "end message with 4 fields (expected 3)"),
                    Arguments.of(
                            "status", "cs5700fall2020  " + FLAG + " BYE", "end message with 4 fields (expected 3)"),
                    Arguments.of(
                            "status", "cs5700fall2020 " + FLAG + "  BYE", "end message with 4 fields (expected 3)"),
                    Arguments.of("status", "cs5700fall2020 " + FLAG, "unknown message keyword"),
                    Arguments.of("eece", "EECE7374 SUCC " + FLAG + " ", "end message with 4 fields (expected 3)"),
                    Arguments.of("eece", "EECE7374 SUCC  " + FLAG, "end message with 4 fields (expected 3)"));
        }

        @ParameterizedTest
        @MethodSource("linesCarryingAFlag")
        void aLineCarryingAFlagIsDescribedNotQuoted(String dialect, String line, String what) {
            ServerMessageParser parser = dialect.equals("eece") ? eece : status;

            assertThatThrownBy(() -> parser.parse(line, 4)).isInstanceOfSatisfying(SessionFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
                assertThat(f.detail()).startsWith(what + " in message 4: not quoted (it may carry a flag): ");
                assertNoPartOfTheFlagIn(f.detail());
            });
        }

        @Test
        void anEndKeywordGluedToOtherTextOrAFlagLikeRunIsEnoughNotToQuote() {
            assertThatThrownBy(() -> status.parse("cs5700fall2020 x y BYEBYE", 2))
                    .hasMessage("unknown message keyword in message 2: not quoted (it may carry a flag):"
                            + " 4 fields of 14, 1, 1, 6 characters");
            assertThatThrownBy(() -> status.parse("cs5700fall2020 x " + FLAG.substring(0, 32), 2))
                    .hasMessage("unknown message keyword in message 2: not quoted (it may carry a flag):"
                            + " 3 fields of 14, 1, 32 characters");
        }

        @Test
        void aLineWithoutAnEndKeywordOrAFlagLikeRunIsStillQuoted() {
            String run31 = FLAG.substring(0, 31);
            assertThatThrownBy(() -> status.parse("cs5700fall2020 HELLO " + run31, 2))
                    .hasMessage("unknown message keyword in message 2: 'cs5700fall2020 HELLO " + run31 + "'");
        }

        @Test
        void controlCharactersAreEscapedInTheQuote() {
            assertThatThrownBy(() -> status.parse("cs5700fall2020 x\u0000y\u001b", 1))
                    .hasMessageContaining("'cs5700fall2020 x\\u0000y\\u001b'");
        }
    }

    /**
     * A line that does not start with the class string is not the dialect's: the peer may be another service
     * (an SSH server, a database) that a caller pointed the client at, and its reply must not come back to the
     * caller. Such a line is described by its length and character classes only.
     */
    @Nested
    class NotTheDialects {

        static Stream<Arguments> otherServicesLines() {
            return Stream.of(
                    Arguments.of("SSH-2.0-x password=hunter2", "26 characters: letters, digits, spaces, punctuation"),
                    Arguments.of("+OK", "3 characters: letters, punctuation"),
                    Arguments.of(
                            "-ERR unknown command 'cs5700fall2020'",
                            "37 characters: letters, digits, spaces, punctuation"),
                    Arguments.of(
                            "HTTP/1.1 400 Bad Request\r",
                            "25 characters: letters, digits, spaces, punctuation, control characters"),
                    Arguments.of("cs5700fall2019 STATUS 1 + 2", "27 characters: letters, digits, spaces, punctuation"),
                    Arguments.of("cs5700fall20200 STATUS 1 + 2", "28 characters: letters, digits, spaces, punctuation"),
                    Arguments.of("\u00e9", "1 character: non-ASCII"));
        }

        @ParameterizedTest
        @MethodSource("otherServicesLines")
        void isDescribedByLengthAndCharacterClasses(String line, String description) {
            assertThatThrownBy(() -> status.parse(line, 1)).isInstanceOfSatisfying(SessionFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.MALFORMED_MESSAGE);
                assertThat(f.detail())
                        .isEqualTo("wrong class string (expected 'cs5700fall2020') in message 1:"
                                + " not quoted (not the dialect's): " + description);
            });
        }

        @Test
        void anEmptyLineIsDescribedToo() {
            assertThatThrownBy(() -> status.parse("", 2))
                    .hasMessage(
                            "wrong class string (expected 'cs5700fall2020') in message 2: not quoted (not the dialect's): 0 characters");
        }

        @Test
        void aDatabasesBitsReadBackAllLookTheSame() {
            // GETBIT answers :0 or :1; the detail must not tell them apart.
            assertThatThrownBy(() -> status.parse(":0", 1))
                    .isInstanceOfSatisfying(
                            SessionFailure.class,
                            zero -> assertThatThrownBy(() -> status.parse(":1", 1))
                                    .hasMessage(zero.detail()));
        }

        @Test
        void aTlsRecordIsNamedButNotQuoted() {
            assertThatThrownBy(() -> status.parse("\u0016\u0003\u0003\u0000", 1))
                    .hasMessage("a TLS record, not a message: this port speaks TLS (connect with TLS) in message 1:"
                            + " not quoted (not the dialect's): 4 characters: control characters");
        }

        @Test
        void aFlagAfterAWrongClassStringIsNotQuotedEither() {
            assertThatThrownBy(() -> status.parse("cs5700fall2019 " + FLAG + " BYE", 4))
                    .isInstanceOfSatisfying(SessionFailure.class, f -> {
                        assertThat(f.detail())
                                .isEqualTo("wrong class string (expected 'cs5700fall2020') in message 4:"
                                        + " not quoted (not the dialect's): 83 characters: letters, digits, spaces");
                        assertNoPartOfTheFlagIn(f.detail());
                    });
        }
    }
}
