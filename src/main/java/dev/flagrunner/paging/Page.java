package dev.flagrunner.paging;

import java.util.List;

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
}
