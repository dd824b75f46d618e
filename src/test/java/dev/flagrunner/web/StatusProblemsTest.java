package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The container's errors, known only by their status, as problems with a fixed detail. */
class StatusProblemsTest {

    @Test
    void theContainers400IsAMalformedRequestAndOtherStatusesTheirOwnType() {
        assertThat(StatusProblems.containerType(400)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(StatusProblems.containerType(404)).isEqualTo(ProblemType.forStatus(404));
        assertThat(StatusProblems.containerType(405)).isEqualTo(ProblemType.forStatus(405));
        assertThat(StatusProblems.containerType(500)).isEqualTo(ProblemType.forStatus(500));
    }

    @Test
    void theDetailsAreFixedTexts() {
        assertThat(StatusProblems.containerDetail(400)).startsWith("the request could not be parsed: ");
        assertThat(StatusProblems.containerDetail(404)).isEqualTo("there is nothing here");
        assertThat(StatusProblems.containerDetail(500))
                .isEqualTo("an unexpected error occurred; the service log has the details");
        assertThat(StatusProblems.containerDetail(405))
                .isEqualTo(
                        "the request was refused: " + ProblemType.forStatus(405).title() + " (405)");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 413, 500})
    void theJsonIsAProblemOfThatStatusThatEchoesOnlyThePath(int status) {
        String uri = "/sessions/x";

        JsonNode problem = JsonMapper.builder().build().readTree(StatusProblems.containerJson(status, uri));

        assertThat(problem.get("type").asString())
                .isEqualTo(StatusProblems.containerType(status).type().toString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString())
                .isEqualTo(StatusProblems.containerType(status).title());
        assertThat(problem.get("detail").asString()).isEqualTo(StatusProblems.containerDetail(status));
        assertThat(problem.get("instance").asString()).isEqualTo(uri);
    }
}
