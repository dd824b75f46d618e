package dev.flagrunner.session;

import org.springframework.context.annotation.Import;

/**
 * {@code /sessions} for a slice in another package ({@code support/ApiSlice}): the controller and the real
 * beans behind it, which are package-private here. Only imported, never a component.
 */
@Import({SessionController.class, SessionBeans.class})
public class SessionApi {}
