package dev.flagrunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Bodies over 64 KiB: refused unread when their length is declared, cut off at the limit when it is not. */
class RequestSizeLimitFilterTest {

    private static final int LIMIT = RequestSizeLimitFilter.MAX_BODY_BYTES;

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sessions");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** The request as a chunked body arrives: no declared length. */
    private static HttpServletRequest chunked(byte[] body) {
        return new HttpServletRequestWrapper(post(body)) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }

    /** A handler that reads the whole body and counts it. */
    private static FilterChain reading(AtomicInteger read) {
        return (request, response) -> read.set(request.getInputStream().readAllBytes().length);
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413WithoutReachingTheHandler() throws Exception {
        AtomicReference<Object> reached = new AtomicReference<>();

        filter.doFilter(post(new byte[LIMIT + 1]), response, (request, response) -> reached.set(request));

        assertThat(reached).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"/problems/body-too-large\"")
                .contains("the request body has " + (LIMIT + 1) + " bytes; at most " + LIMIT + " are accepted");
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws Exception {
        AtomicInteger declared = new AtomicInteger();
        AtomicInteger undeclared = new AtomicInteger();

        filter.doFilter(post(new byte[LIMIT]), response, reading(declared));
        filter.doFilter(chunked(new byte[LIMIT]), new MockHttpServletResponse(), reading(undeclared));

        assertThat(declared).hasValue(LIMIT);
        assertThat(undeclared).hasValue(LIMIT);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void anUndeclaredBodyIsCutOffAsItPassesTheLimit() {
        AtomicInteger read = new AtomicInteger(-1);

        assertThatThrownBy(() -> filter.doFilter(chunked(new byte[LIMIT + 1]), response, reading(read)))
                .isInstanceOf(RequestSizeLimitFilter.BodyTooLargeException.class)
                .hasMessage("the request body exceeds " + LIMIT + " bytes");
        assertThat(read).as("the handler never got the body").hasValue(-1);
    }

    @Test
    void anUndeclaredBodyReadByteByByteIsCutOffToo() {
        FilterChain byteByByte = (request, response) -> {
            var in = request.getInputStream();
            while (in.read() >= 0) {
                // reads until the end or the limit
            }
        };

        assertThatThrownBy(() -> filter.doFilter(chunked(new byte[LIMIT + 1]), response, byteByByte))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exceeds " + LIMIT);
    }
}
