package dev.flagrunner.session;

import dev.flagrunner.protocol.Dialect;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /sessions}. Only {@code studentId} is required; the rest overrides the target.
 * The id is opaque text: leading zeros are kept, nothing is trimmed.
 */
record SessionRequest(
        @Schema(description = "the id sent in HELLO", example = "001234567")
        @NotNull(message = "is required")
        @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
        @Pattern(regexp = "[\\x21-\\x7e]*", message = "must be visible ASCII characters without spaces")
        String studentId,

        @Schema(description = "a target of flagrunner.targets, or embedded; not with host/port", example = "embedded")
        @Size(max = 64, message = "must be at most 64 characters")
        String target,

        @Schema(description = "overrides the target's dialect", example = "status")
        @Size(max = 32, message = "must be at most 32 characters")
        String dialect,

        @Schema(
                description = "an endpoint instead of a target: the embedded server, a target's or an allowed one",
                example = "127.0.0.1")
        @Size(min = 1, max = 253, message = "must be 1 to 253 characters")
        @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]%]*", message = "must be a host name or an IP address")
        String host,

        @Schema(description = "with host: the endpoint's port", example = "27995")
        @Min(value = 1, message = "must be between 1 and 65535")
        @Max(value = 65535, message = "must be between 1 and 65535")
        Integer port,

        @Schema(description = "overrides the target's transport", example = "false")
        Boolean tls,

        @Schema(description = "overrides the dialect's class string", example = "cs5700fall2020")
        @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
        @Pattern(regexp = Dialect.CLASS_STRING_PATTERN, message = CLASS_STRING)
        String classId) {

    static final String CLASS_STRING = "must look like a class string: letters, then a digit, then letters and digits"
            + " (cs5700fall2020, EECE7374, cs230)";
}
