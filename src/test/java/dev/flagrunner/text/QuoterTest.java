package dev.flagrunner.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoterTest {

    private static final String FLAG = "fa1883537b7beb40eb3efbd41c469fad0847b585ef751b5f97bada2139be781d";

    private final Quoter twenty = new Quoter(20);
    private final Quoter server = new Quoter(80, List.of("BYE", "SUCC"));

    @Nested
    class Escapes {

        @Test
        void printableAsciiIsShownAsItIs() {
            assertThat(twenty.quote("( 1 + 2 ) // 3 ~!")).isEqualTo("'( 1 + 2 ) // 3 ~!'");
        }

        @Test
        void tabNewlineAndCarriageReturnHaveShortEscapes() {
            assertThat(twenty.quote("a\tb\nc\rd")).isEqualTo("'a\\tb\\nc\\rd'");
        }

        @Test
        void theBackslashAndTheQuoteAreEscapedSoAQuoteCannotBeForged() {
            assertThat(twenty.quote("it's \\u0041")).isEqualTo("'it\\'s \\\\u0041'");
        }

        @Test
        void otherControlCharactersAreEscapedAsUnicode() {
            assertThat(server.quote("x\u0000y\u001b\u007f\u0085")).isEqualTo("'x\\u0000y\\u001b\\u007f\\u0085'");
        }

        @Test
        void nonAsciiIsEscapedSoAQuoteIsAlwaysPrintableAscii() {
            assertThat(twenty.quote("caf\u00e9 \u202e\u4e2d")).isEqualTo("'caf\\u00e9 \\u202e\\u4e2d'");
            assertThat(twenty.quote("\uD83D\uDE00"))
                    .as("a surrogate pair, one escape per char")
                    .isEqualTo("'\\ud83d\\ude00'");
        }

        @Test
        void oneCharacterIsQuotedInTheSameStyle() {
            assertThat(twenty.quote('\t')).isEqualTo("'\\t'");
            assertThat(twenty.quote('\u00e9')).isEqualTo("'\\u00e9'");
            assertThat(twenty.quote('\'')).isEqualTo("'\\''");
            assertThat(twenty.quote('-')).isEqualTo("'-'");
        }
    }

    @Nested
    class CutOff {

        @Test
        void textOfExactlyTheLimitIsQuotedWhole() {
            String text = "a".repeat(20);
            assertThat(twenty.quote(text)).isEqualTo("'" + text + "'");
        }

        @Test
        void longerTextShowsTheLimitAndGivesItsLength() {
            assertThat(twenty.quote("b".repeat(21))).isEqualTo("'" + "b".repeat(20) + "'… (21 chars)");
            assertThat(server.quote("c".repeat(100_000))).isEqualTo("'" + "c".repeat(80) + "'… (100000 chars)");
        }

        @Test
        void theLimitCountsCharactersBeforeEscaping() {
            assertThat(new Quoter(3).quote("\u0000\u0001\u0002\u0003")).isEqualTo("'\\u0000\\u0001\\u0002'… (4 chars)");
        }

        @Test
        void aRangeIsQuotedAndCutLikeAWholeText() {
            String source = "( 1 " + "<".repeat(30) + " 2 )";
            assertThat(twenty.quote(source, 4, 34)).isEqualTo("'" + "<".repeat(20) + "'… (30 chars)");
            assertThat(twenty.quote(source, 0, 3)).isEqualTo("'( 1'");
            assertThat(twenty.quote(source, 3, 3)).isEqualTo("''");
        }

        @Test
        void aLimitBelowOneIsRefused() {
            assertThatThrownBy(() -> new Quoter(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0");
        }
    }

    @Nested
    class FlagLike {

        @ParameterizedTest
        @CsvSource({
            "'cs5700fall2020 BYE', true",
            "'EECE7374 FAILEECE7374 SUCC', true",
            "'xSUCCx', true",
            "'cs5700fall2020 STATUS 1 + 2', false",
            "'bye succ', false",
        })
        void aFlagNeighbourGluedToOtherTextOrNotMayCarryAFlag(String text, boolean mayCarryFlag) {
            assertThat(server.mayCarryFlag(text)).isEqualTo(mayCarryFlag);
        }

        @Test
        void aRunOf32WordCharactersMayCarryAFlagAndOneOf31DoesNot() {
            assertThat(twenty.mayCarryFlag("x " + FLAG.substring(0, 32) + " y")).isTrue();
            assertThat(twenty.mayCarryFlag("x " + "a_b".repeat(11))).isTrue();
            assertThat(twenty.mayCarryFlag("x " + FLAG.substring(0, 31) + " " + FLAG.substring(0, 31)))
                    .isFalse();
            assertThat(twenty.mayCarryFlag("x " + FLAG.substring(0, 31) + "-" + FLAG.substring(0, 31)))
                    .isFalse();
        }

        @Test
        void aQuoterWithoutNeighboursOnlyLooksForRuns() {
            assertThat(twenty.mayCarryFlag("cs5700fall2020 BYE")).isFalse();
        }

        @Test
        void textThatMayCarryAFlagIsDescribedByItsFieldsNeverQuoted() {
            String detail = server.unlessFlagLike("cs5700fall2020 " + FLAG + " BYE");
            assertThat(detail)
                    .isEqualTo("not quoted (it may carry a flag): 3 fields of 14, 64, 3 characters")
                    .doesNotContain(FLAG.substring(0, 8));
        }

        @Test
        void aDescriptionListsEightFieldsAtMost() {
            assertThat(server.unlessFlagLike("BYE a b c d e f g h i"))
                    .isEqualTo("not quoted (it may carry a flag): 10 fields of 3, 1, 1, 1, 1, 1, 1, 1, … characters");
            assertThat(server.unlessFlagLike(FLAG))
                    .isEqualTo("not quoted (it may carry a flag): 1 field of 64 characters");
        }

        @Test
        void otherTextIsQuoted() {
            assertThat(server.unlessFlagLike("cs5700fall2020 HELLO x\u0007"))
                    .isEqualTo("'cs5700fall2020 HELLO x\\u0007'");
        }
    }

    @Nested
    class Describe {

        @Test
        void namesTheLengthAndTheCharacterClassesOnly() {
            assertThat(Quoter.describe("SSH-2.0-OpenSSH_9.6 pw=hunter2", "not the dialect's"))
                    .isEqualTo("not quoted (not the dialect's): 30 characters: letters, digits, spaces, punctuation");
        }

        @Test
        void namesControlAndNonAsciiCharacters() {
            assertThat(Quoter.describe("\u0016\u0003\u00e9", "why"))
                    .isEqualTo("not quoted (why): 3 characters: control characters, non-ASCII");
            assertThat(Quoter.describe("x", "why")).isEqualTo("not quoted (why): 1 character: letters");
            assertThat(Quoter.describe("", "why")).isEqualTo("not quoted (why): 0 characters");
        }
    }
}
