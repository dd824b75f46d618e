/**
 * The captured flags: {@code FlagStore} and {@code GET /flags}. It may use {@code protocol} and {@code config}, {@code security}
 * to know who may see which flags and {@code paging} for pages; only {@code FlagController} (with its OpenAPI
 * {@code FlagPageResponse}) knows {@code web}
 * (the {@code Link} header, the paging parameters for OpenAPI).
 */
package dev.flagrunner.flag;
