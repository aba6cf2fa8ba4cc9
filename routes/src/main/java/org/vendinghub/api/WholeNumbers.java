package org.vendinghub.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Whole-number properties of {@link StrictJson} types refuse a fraction: Jackson would otherwise truncate
 * {@code "amountMinor": 10.5} to 10 without a word. Every other long/int keeps Jackson's standard deserializer.
 */
final class WholeNumbers extends StdDeserializer<Object> implements ContextualDeserializer {

    private final transient JsonDeserializer<?> standard;
    private final boolean strict;

    WholeNumbers(Class<?> type) {
        this(type, false);
    }

    private WholeNumbers(Class<?> type, boolean strict) {
        super(type);
        this.standard = NumberDeserializers.find(type, type.getName());
        this.strict = strict;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean ofStrictType = property != null && property.getMember() != null
                && property.getMember().getDeclaringClass().isAnnotationPresent(StrictJson.class);
        return ofStrictType ? new WholeNumbers(handledType(), true) : standard;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (strict && p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            throw MismatchedInputException.from(p, handledType(), "a whole number is required, not a fraction");
        }
        return standard.deserialize(p, ctxt);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        return standard.getNullValue(ctxt);
    }
}
