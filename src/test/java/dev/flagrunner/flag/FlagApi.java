package dev.flagrunner.flag;

import org.springframework.context.annotation.Import;

/**
 * {@code /flags} for a slice in another package ({@code support/ApiSlice}): the package-private controller and
 * the store behind it. Only imported, never a component.
 */
@Import({FlagController.class, FlagStore.class})
public class FlagApi {}
