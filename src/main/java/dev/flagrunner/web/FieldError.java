package dev.flagrunner.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One invalid body field or query parameter of a {@code /problems/validation} problem, an entry of its
 * {@code errors}: what the service answers and what {@link OpenApiProblems} describes. A record, so its keys come in
 * this order in every response.
 */
@Schema(name = "FieldError")
record FieldError(
        @Schema(example = "studentId") String field,
        @Schema(example = "must not be blank") String message) {}
