package dev.flagrunner.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a JSON value of the wrong type is a {@code 400 /problems/malformed-body}
 * naming the field, never quietly converted. Jackson's defaults would turn {@code "studentId": 123} into the id
 * "123", {@code "port": "80"} into 80, {@code "port": 1.9} into 1, {@code "tls": 1} into true and
 * {@code "port": " "} into no port at all, and would let the last of two {@code "studentId"} keys win.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                // String to number or boolean, number to boolean, and the like.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // 1.9 to an int (it would be truncated to 1).
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Number or boolean to a String: not covered by ALLOW_COERCION_OF_SCALARS.
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // A blank or empty string for a number or boolean: not "absent".
                .withCoercionConfigDefaults(all -> all.setAcceptBlankAsEmpty(false))
                .withCoercionConfig(
                        LogicalType.Integer,
                        number -> number.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        bool -> bool.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // {"studentId":"a","studentId":"b"}: which one did the caller mean?
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
