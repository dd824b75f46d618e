package dev.flagrunner.web;

import dev.flagrunner.paging.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** Where a {@link Page} becomes an answer: its items, and while more remain the {@code Link} to the next page. */
public final class PageResponses {

    private PageResponses() {}

    /**
     * The page as the answer to {@code request}: its items, and while more remain a {@code Link: <…>; rel="next"}
     * header, a path relative to the service (the request's own query with the cursor replaced).
     */
    public static <T> ResponseEntity<List<T>> of(Page<T> page, HttpServletRequest request) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.next() != null) {
            String link = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("cursor", page.next())
                    .build()
                    .toUriString();
            ok.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return ok.body(page.items());
    }
}
