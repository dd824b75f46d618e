package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.expression.Arithmetic;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectsTest {

    @Test
    void everyDialectNameMapsToItsArithmetic() {
        assertThat(Dialects.byName("status").map(Dialect::arithmetic)).contains(Arithmetic.STATUS_FLOOR);
        assertThat(Dialects.byName("findcount").map(Dialect::arithmetic)).contains(Arithmetic.FIND_COUNT);
        assertThat(Dialects.byName("eval2021").map(Dialect::arithmetic)).contains(Arithmetic.EVAL2021);
        assertThat(Dialects.byName("eval2022").map(Dialect::arithmetic)).contains(Arithmetic.EVAL2022);
        assertThat(Dialects.byName("cs230").map(Dialect::arithmetic)).contains(Arithmetic.CS230_TRUNCATE);
        assertThat(Dialects.byName("eece").map(Dialect::arithmetic)).contains(Arithmetic.EECE_TRUE_DIVISION);
        assertThat(Dialects.all()).extracting(Dialect::arithmetic).containsExactlyInAnyOrder(Arithmetic.values());
    }

    @Test
    void everyRealClassStringLooksLikeOneAndNoOtherServicesCommandDoes() {
        assertThat(Dialects.all())
                .extracting(Dialect::defaultClassId)
                .allMatch(cls -> cls.matches(Dialect.CLASS_STRING_PATTERN));
        assertThat(List.of(
                        "cs5700spring2013",
                        "cs3700fall2015",
                        "cs3700spring2016",
                        "cs5700spring2023",
                        "EECE7374",
                        "cs230",
                        "CS4254fall2026"))
                .allMatch(cls -> cls.matches(Dialect.CLASS_STRING_PATTERN));
        assertThat(List.of(
                        "SET",
                        "RENAME",
                        "DEL",
                        "GETBIT",
                        "REPLICAOF",
                        "QUIT",
                        "EHLO",
                        "GET",
                        "SSH-2.0-x",
                        "",
                        "cs 5700",
                        "cs5700\r\n",
                        "cs5700_fall",
                        "2020",
                        "7374EECE",
                        "cs5700é"))
                .noneMatch(word -> word.matches(Dialect.CLASS_STRING_PATTERN));
    }

    @Test
    void namesAreExactAndLowerCase() {
        assertThat(Dialects.byName("EVAL2022")).isEmpty();
        assertThat(Dialects.byName(" status")).isEmpty();
        assertThat(Dialects.byName("")).isEmpty();
        assertThat(Dialects.byName(null)).isEmpty();
    }

    @Test
    void listsTheNamesForMessages() {
        assertThat(Dialects.names()).isEqualTo("status, findcount, eval2021, eval2022, cs230, eece");
    }

    @Test
    void anUnknownNameGetsTheOneMessageWithTheKnownNames() {
        assertThat(Dialects.unknown("klingon"))
                .isEqualTo("unknown dialect 'klingon' (known: status, findcount, eval2021, eval2022, cs230, eece)");
    }

    @Test
    void defaultPortsFollowProtocolMd() {
        assertThat(Dialects.STATUS.defaultPort(false)).isEqualTo(27995);
        assertThat(Dialects.STATUS.defaultPort(true)).isEqualTo(27996);
        assertThat(Dialects.EVAL2022.defaultPort(false)).isZero();
        assertThat(Dialects.EVAL2022.defaultPort(true)).isEqualTo(27995);
        assertThat(Dialects.EECE.defaultPort(false)).isEqualTo(5206);
    }
}
