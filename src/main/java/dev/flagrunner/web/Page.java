package dev.flagrunner.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a newest-first list whose items carry a sequence number that only grows: {@code next} is the cursor
 * of the following page (the sequence number of this page's last item), or null when no more items remain. A page
 * lists only items below its cursor, so items added while a caller follows {@code next} are never met twice.
 */
public record Page<T>(List<T> items, Long next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@code limit + 1} newest-first candidates, given with their sequence numbers: the extra
     * one only tells that more remain.
     */
    public static <T> Page<T> of(List<T> candidates, List<Long> sequences, int limit) {
        if (candidates.size() <= limit) {
            return new Page<>(candidates, null);
        }
        return new Page<>(candidates.subList(0, limit), sequences.get(limit - 1));
    }

    /**
     * The page as the answer to {@code request}: its items, and while more remain a {@code Link: <…>; rel="next"}
     * header, a path relative to the service (the request's own query with the cursor replaced).
     */
    public ResponseEntity<List<T>> toResponse(HttpServletRequest request) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (next != null) {
            String link = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("cursor", next)
                    .build()
                    .toUriString();
            ok.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return ok.body(items);
    }
}
