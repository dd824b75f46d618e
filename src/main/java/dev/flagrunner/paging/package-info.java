/**
 * Paging of the newest-first lists (the session history, the captured flags): a {@link dev.flagrunner.paging.Page}
 * of items with the cursor of the next, and the {@link dev.flagrunner.paging.PageRequest} that asks for one, checked
 * (a bad one is an {@link dev.flagrunner.paging.InvalidPageRequestException}). Services and stores build pages
 * here; only {@code web} and the controllers turn one into an answer with a {@code Link} header. It depends on the
 * JDK only.
 */
package dev.flagrunner.paging;
