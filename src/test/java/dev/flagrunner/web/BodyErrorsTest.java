package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each kind of unreadable body gets its own words, naming the field and never echoing the value: the exceptions
 * are Jackson's own, from a mapper with the service's strict settings ({@link StrictJson}, unknown fields fail).
 */
class BodyErrorsTest {

    /** A request body's shape: text, a number and a boolean. */
    record Body(String studentId, Integer port, Boolean tls) {}

    private static final JsonMapper STRICT = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().strictScalars().customize(builder);
        return builder.build();
    }

    /** What Spring MVC hands the exception handler for this body. */
    private static HttpMessageNotReadableException unreadable(String json) {
        Throwable cause = catchThrowable(() -> STRICT.readValue(json, Body.class));
        assertThat(cause).as(json).isNotNull();
        return new HttpMessageNotReadableException("JSON parse error", cause, new MockHttpInputMessage(new byte[0]));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"frobnicate\":1}                | unknown field 'frobnicate' (known: studentId, port, tls)",
                "{\"port\":\"80\"}                 | field 'port' has the wrong type: expected Integer",
                "{\"port\":1.9}                    | field 'port' has the wrong type: expected Integer",
                "{\"port\":99999999999}            | field 'port' has the wrong type: expected Integer",
                "{\"studentId\":123}               | field 'studentId' has the wrong type: expected String",
                "{\"tls\":\"\"}                    | field 'tls' has the wrong type: expected Boolean",
                "[1]                               | the body must be a JSON object",
                "{\"studentId\":\"a\",\"studentId\":\"b\"} | field 'studentId' is given more than once",
                "{\"studentId\":                   | malformed JSON at line 1, column 14",
            })
    void describesTheBodyInPlainWords(String json, String description) {
        assertThat(BodyErrors.describe(unreadable(json.strip()))).isEqualTo(description);
    }

    @Test
    void neverEchoesTheValue() {
        String secret = "\"d0f1e2c3b4a5968778695a4b3c2d1e0f\"";

        assertThat(BodyErrors.describe(unreadable("{\"port\":" + secret + "}"))).doesNotContain("d0f1e2c3");
        assertThat(BodyErrors.describe(unreadable("{\"studentId\":" + secret.replace("\"", "") + "}")))
                .doesNotContain("d0f1e2c3");
    }

    @Test
    void aBodyWithoutAJacksonCauseIsMissingOrInvalid() {
        HttpMessageNotReadableException missing = new HttpMessageNotReadableException(
                "Required request body is missing", new MockHttpInputMessage(new byte[0]));

        assertThat(BodyErrors.describe(missing)).isEqualTo("the request body is missing or is not valid JSON");
    }
}
