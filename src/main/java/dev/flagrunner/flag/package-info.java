/**
 * The captured flags: {@code FlagStore} and {@code GET /flags}. It may use {@code protocol} and {@code config}, {@code security}
 * to know who may see which flags and {@code web} for pages and problems.
 */
package dev.flagrunner.flag;
