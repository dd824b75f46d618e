package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.flag.CapturedFlag;
import dev.flagrunner.flag.FlagStore;
import dev.flagrunner.paging.PageRequest;
import dev.flagrunner.support.Http;
import dev.flagrunner.support.RandomPortTest;
import dev.flagrunner.support.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** GET /flags and GET /sessions come a page at a time; following rel="next" visits every item exactly once. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flagrunner.embedded-server.dialects=status", "flagrunner.embedded-server.tls=false",
            "flagrunner.embedded-server.questions.min=3", "flagrunner.embedded-server.questions.max=3"
        })
@DirtiesContext
class PagingTest extends RandomPortTest {

    private static final Pattern NEXT = Pattern.compile("^<(/[^>]*)>; rel=\"next\"$");

    @Autowired
    FlagStore store;

    @Test
    void flagsComeAHundredAPageByDefaultAndEachOnceWhileNewOnesArrive() {
        for (int i = 0; i < 250; i++) {
            store.add(flag("paging-" + i));
        }
        Http.Response first = http.get("/flags?limit=100");
        assertThat(first.json()).hasSize(100);

        List<String> seen = new ArrayList<>(first.json().findValuesAsString("studentId"));
        String next = next(first);
        int added = 0;
        while (next != null) {
            store.add(flag("arrived-" + added++)); // newer than every page still to come
            Http.Response page = http.get(next);
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(page.json().findValuesAsString("studentId"));
            next = next(page);
        }

        // Flags of the other test's sessions may be there too; none that arrived during the walk is.
        assertThat(seen).doesNotHaveDuplicates().noneMatch(id -> id.startsWith("arrived-"));
        assertThat(seen.stream().filter(id -> id.startsWith("paging-"))).hasSize(250);
        assertThat(seen.get(0)).isEqualTo("paging-249");
        assertThat(http.get("/flags").json()).hasSize(PageRequest.DEFAULT_LIMIT);
    }

    @Test
    void sessionsArePagedAndTheLinkKeepsTheFilter() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(http.postJson("/sessions", "{\"studentId\":\"pages-" + i + "\"}")
                    .json()
                    .get("id")
                    .asString());
        }

        Http.Response first = http.get("/sessions?status=FLAG_CAPTURED&limit=2");
        assertThat(first.header("Link"))
                .contains("status=FLAG_CAPTURED")
                .contains("limit=2")
                .contains("cursor=");
        List<String> seen = new ArrayList<>(first.json().findValuesAsString("id"));
        for (String next = next(first); next != null; ) {
            http.postJson("/sessions", "{\"studentId\":\"pages-late\"}");
            Http.Response page = http.get(next);
            assertThat(page.json().size()).isLessThanOrEqualTo(2);
            seen.addAll(page.json().findValuesAsString("id"));
            next = next(page);
        }

        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsSubsequence(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    @ParameterizedTest
    @CsvSource({
        "limit=0, limit",
        "limit=1001, limit",
        "limit=ten, limit",
        "cursor=0, cursor",
        "cursor=abc, cursor",
        "cursor=99999999999999999999, cursor"
    })
    void aLimitOrCursorThatIsNotOneIs400(String query, String parameter) {
        String requirement = parameter.equals("limit")
                ? "must be between 1 and 1000"
                : "must be the next cursor of a page (a Link rel=\"next\")";
        for (String path : List.of("/flags?", "/sessions?", "/flags/someone?")) {
            Http.Response r = http.get(path + query);

            assertThat(r.status()).as(path + query).isEqualTo(400);
            JsonNode problem = r.json();
            assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
            assertThat(problem.get("title").asString()).isEqualTo(ProblemType.VALIDATION.title());
            assertThat(problem.get("detail").asString()).isEqualTo("parameter '" + parameter + "' " + requirement);
            assertThat(problem.get("errors")).hasSize(1);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
            assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(requirement);
        }
    }

    @Test
    void theOpenApiDescriptionNamesTheParametersAndTheLinkHeader() {
        JsonNode doc = http.get("/v3/api-docs").json();

        for (String path : List.of("/flags", "/sessions", "/flags/{studentId}")) {
            JsonNode get = doc.get("paths").get(path).get("get");
            assertThat(get.get("parameters").findValuesAsString("name"))
                    .as(path)
                    .contains("limit", "cursor");
            assertThat(get.at("/responses/200/headers").has("Link")).as(path).isTrue();
        }
    }

    private static String next(Http.Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        return m.group(1);
    }

    private static CapturedFlag flag(String student) {
        return new CapturedFlag(
                student,
                "f-" + student,
                "embedded",
                "status",
                "cs5700fall2020",
                "s-" + student,
                Instant.now(),
                TestTokens.ALL_CALLER.name());
    }

    @Test
    void aParameterTheOperationDoesNotTakeIs400NamingTheOnesItTakes() {
        Http.Response misspelt = http.get("/flags?studentid=001234567");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(misspelt.json().get("detail").asString())
                .isEqualTo("parameter 'studentid' is not a parameter of this operation (it takes cursor, limit,"
                        + " studentId)");

        Http.Response two = http.get("/sessions?state=FAILED&limt=1");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().get("detail").asString())
                .isEqualTo("parameter 'limt', 'state' is not a parameter of this operation (it takes cursor, limit,"
                        + " status)");
        assertThat(two.json().get("errors")).hasSize(2);

        Http.Response hostile = http.get("/flags?%0d%0aX-Injected:%20yes=1");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().get("detail").asString())
                .startsWith("parameter '?0d?0aX-Injected??20yes' is not a parameter of this operation");

        assertThat(http.get("/flags?studentId=001234567&limit=1&cursor=5").status())
                .isEqualTo(200);
        assertThat(http.get("/flags/001234567?studentId=x").status()).isEqualTo(400);
    }
}
