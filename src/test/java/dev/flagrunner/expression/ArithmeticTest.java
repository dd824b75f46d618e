package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArithmeticTest {

    @Test
    void everyDialectNameMapsToItsArithmetic() {
        assertThat(Arithmetic.forDialect("status")).contains(Arithmetic.STATUS_FLOOR);
        assertThat(Arithmetic.forDialect("findcount")).contains(Arithmetic.FIND_COUNT);
        assertThat(Arithmetic.forDialect("eval2021")).contains(Arithmetic.EVAL2021);
        assertThat(Arithmetic.forDialect("eval2022")).contains(Arithmetic.EVAL2022);
        assertThat(Arithmetic.forDialect("cs230")).contains(Arithmetic.CS230_TRUNCATE);
        assertThat(Arithmetic.forDialect("eece")).contains(Arithmetic.EECE_TRUE_DIVISION);
        for (Arithmetic arithmetic : Arithmetic.values()) {
            assertThat(Arithmetic.forDialect(arithmetic.dialect())).contains(arithmetic);
        }
    }

    @Test
    void namesAreExactAndLowerCase() {
        assertThat(Arithmetic.forDialect("EVAL2022")).isEmpty();
        assertThat(Arithmetic.forDialect(" status")).isEmpty();
        assertThat(Arithmetic.forDialect("")).isEmpty();
        assertThat(Arithmetic.forDialect(null)).isEmpty();
    }

    @Test
    void listsTheNamesForMessages() {
        assertThat(Arithmetic.dialectNames()).isEqualTo("status, cs230, eval2021, eval2022, eece, findcount");
    }
}
