package dev.flagrunner.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.PlainStatusService;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@code GET /flags} as CSV on {@code Accept: text/csv} (the same pages and Link as JSON) and as a streamed
 * newline-delimited JSON export on {@code Accept: application/x-ndjson}, against the whole service.
 */
@PlainStatusService
@DirtiesContext // its flags (several per student, hostile ids) are no other test's business
class FlagExportTest extends RandomPortTest {

    @Autowired
    FlagStore flags;

    private String student;

    @BeforeEach
    void storeFlags() {
        // A student of this test alone (the context is shared), with a name a spreadsheet would run.
        student = "x" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            flags.add(new CapturedFlag(
                    student, "F" + i, "embedded", "status", "cs5700fall2020", "s" + i, Instant.now(), "test-all"));
        }
        flags.add(new CapturedFlag(
                "=" + student, "G", "embedded", "status", "cs5700fall2020", "s", Instant.now(), "test-all"));
    }

    @Test
    void csvPagesLikeJsonWithAHeaderRowAndTheNextLink() {
        var first = http.get("/flags/" + student + "?limit=2", "Accept", "text/csv");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("text/csv;charset=UTF-8");
        String[] lines = first.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("studentId,flag,target,dialect,classId,sessionId,capturedAt,owner");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(student + ",F4,embedded,status,");
        assertThat(first.header("Link")).startsWith("</flags/" + student + "?limit=2&cursor=");

        List<String> rows = new ArrayList<>(Arrays.asList(lines).subList(1, lines.length));
        String link = first.header("Link");
        while (link != null) {
            var page = http.get(link.substring(1, link.indexOf('>')), "Accept", "text/csv");
            String[] more = page.body().split("\r\n");
            assertThat(more[0]).startsWith("studentId,");
            rows.addAll(Arrays.asList(more).subList(1, more.length));
            link = page.header("Link");
        }
        assertThat(rows).extracting(r -> r.split(",")[1]).containsExactly("F4", "F3", "F2", "F1", "F0");

        // JSON stays the default, for */* and for a browser's Accept.
        assertThat(http.get("/flags/" + student, "Accept", "*/*").contentType()).isEqualTo("application/json");
        assertThat(http.get("/flags/" + student).contentType()).isEqualTo("application/json");
    }

    @Test
    void aStudentIdThatLooksLikeAFormulaIsTextInTheCsv() {
        String body =
                http.get("/flags?studentId==" + student, "Accept", "text/csv").body();
        assertThat(body.split("\r\n")[1]).startsWith("\"'=" + student + "\",G,");
    }

    @Test
    void ndjsonStreamsEveryFlagTheCallerMaySeeInOneAnswer() {
        var all = http.get("/flags/" + student, "Accept", "application/x-ndjson");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("application/x-ndjson");
        assertThat(all.header("Link")).isNull();
        String[] lines = all.body().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("{\"studentId\":\"" + student + "\",\"flag\":\"F4\"");

        // Another run token sees none of the flags of test-all's sessions.
        assertThat(http.as(TestTokens.RUN)
                        .get("/flags/" + student, "Accept", "application/x-ndjson")
                        .body())
                .isEmpty();
        // Paging parameters are not this operation's: a whole export has no pages.
        assertThat(http.get("/flags?limit=5", "Accept", "application/x-ndjson").status())
                .isEqualTo(400);
    }

    @Test
    void aWholeExportOfManyFlagsCrossesTheStoresPages() {
        String many = "m" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2500; i++) {
            flags.add(new CapturedFlag(
                    many, "M" + i, "embedded", "status", "cs5700fall2020", "s" + i, Instant.now(), "test-all"));
        }
        String[] lines = http.get("/flags/" + many, "Accept", "application/x-ndjson")
                .body()
                .split("\n");
        assertThat(lines).hasSize(2500);
        assertThat(Arrays.stream(lines).distinct()).hasSize(2500);
    }
}
