package dev.flagrunner.web;

import org.springframework.context.annotation.Import;

/**
 * The service's strict reading of request bodies ({@link StrictJson}) for a {@code @WebMvcTest} slice, whose
 * Jackson would otherwise coerce {@code "port": "80"} to 80. Only imported, never a component: the tests that
 * start the whole application scan this package too.
 */
@Import(StrictJson.class)
public class SliceJson {}
