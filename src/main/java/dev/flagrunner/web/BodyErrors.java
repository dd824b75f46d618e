package dev.flagrunner.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Plain-words descriptions of unreadable JSON bodies, naming the field but never echoing its value. */
final class BodyErrors {

    /** Jackson's words for a duplicate key (StreamReadFeature.STRICT_DUPLICATE_DETECTION); a field name, cut short. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([A-Za-z0-9_]{1,64})\"");

    private BodyErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            // The fields of whichever body it was, in their declared order, as Jackson knows them.
            return "unknown field '" + u.getPropertyName() + "' (known: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ")";
        }
        if (cause instanceof InvalidFormatException f) {
            return "field '" + path(f) + "' has the wrong type: expected "
                    + f.getTargetType().getSimpleName();
        }
        if (cause instanceof MismatchedInputException m) {
            String path = path(m);
            return path.isEmpty()
                    ? "the body must be a JSON object"
                    : "field '" + path + "' has the wrong type: expected "
                            + m.getTargetType().getSimpleName();
        }
        if (cause instanceof InputCoercionException c && !path(c).isEmpty()) {
            // Valid JSON, but a number out of the field's range (a port of 99999999999).
            return "field '" + path(c) + "' has the wrong type: expected "
                    + ClassUtils.resolvePrimitiveIfNecessary(c.getTargetType()).getSimpleName();
        }
        if (cause instanceof StreamReadException r && r.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(r.getOriginalMessage());
            if (duplicate.lookingAt()) {
                return "field '" + duplicate.group(1) + "' is given more than once";
            }
        }
        if (cause instanceof JacksonException j && j.getLocation() != null) {
            return "malformed JSON at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr();
        }
        return "the request body is missing or is not valid JSON";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
