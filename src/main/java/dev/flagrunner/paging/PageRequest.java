package dev.flagrunner.paging;

/**
 * The {@code limit} and {@code cursor} query parameters of a paged list: at most {@value #MAX_LIMIT} items a page,
 * {@value #DEFAULT_LIMIT} when not given; the cursor is the {@code next} of the page before.
 */
public record PageRequest(int limit, long before) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final String CURSOR_PATTERN = "^[1-9][0-9]{0,17}$";

    /** Checks the parameters as given (null when absent); a bad one is an {@link InvalidPageRequestException}. */
    public static PageRequest of(String limit, String cursor) {
        if (limit != null && !limit.matches("[0-9]{1,4}")) {
            throw new InvalidPageRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        int n = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidPageRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null) {
            return new PageRequest(n, Long.MAX_VALUE);
        }
        if (!cursor.matches(CURSOR_PATTERN)) {
            throw new InvalidPageRequestException("cursor", "must be the next cursor of a page (a Link rel=\"next\")");
        }
        return new PageRequest(n, Long.parseLong(cursor));
    }

    /** True when an item with this sequence number belongs after the cursor. */
    public boolean admits(long sequence) {
        return sequence < before;
    }
}
