package dev.flagrunner.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and formula neutralisation, cell by cell and for a whole export. */
class FlagCsvTest {

    private static String cell(String value) {
        StringBuilder csv = new StringBuilder();
        FlagCsv.cell(value, csv);
        return csv.toString();
    }

    @Test
    void quotesWhatRfc4180NeedsAndNeutralisesFormulas() {
        assertThat(cell("001234567")).isEqualTo("001234567");
        assertThat(cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(cell("+1")).isEqualTo("\"'+1\"");
        assertThat(cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(cell("a=b")).isEqualTo("a=b");
        assertThat(cell("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
        assertThat(cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(cell("")).isEmpty();
    }

    @Test
    void aWholeExportHasTheHeaderAndOneCrlfRowPerFlag() {
        CapturedFlag f = new CapturedFlag(
                "=cmd|' /C calc'!A0",
                "abc123",
                "lab",
                "status",
                "cs5700fall2020",
                "s-1",
                Instant.parse("2026-12-01T10:00:00.5Z"),
                "grader");
        assertThat(FlagCsv.of(List.of(f)))
                .isEqualTo(
                        "studentId,flag,target,dialect,classId,sessionId,capturedAt,owner\r\n"
                                + "\"'=cmd|' /C calc'!A0\",abc123,lab,status,cs5700fall2020,s-1,2026-12-01T10:00:00.500Z,grader\r\n");
        assertThat(FlagCsv.of(List.of())).isEqualTo(FlagCsv.HEADER);
    }
}
