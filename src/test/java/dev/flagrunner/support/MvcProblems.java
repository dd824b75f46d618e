package dev.flagrunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What {@code ProblemsTest.assertProblem} checks of a problem on the wire, here of a slice's MockMvc answer. */
public final class MvcProblems {

    private MvcProblems() {}

    /** The answer is an RFC 9457 problem of this status and {@code /problems/<slug>} type, without a trace. */
    public static void assertProblem(MvcTestResult r, int status, String slug) {
        assertThat(r).hasStatus(status).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("/problems/" + slug);
        assertThat(r).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(r).bodyJson().extractingPath("$.title").asString().isNotBlank();
        assertThat(r).bodyJson().doesNotHavePath("$.trace");
    }
}
