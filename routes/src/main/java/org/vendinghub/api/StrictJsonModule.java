package org.vendinghub.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Makes {@link StrictJson} types fail on unknown properties and on fractions in whole-number properties
 * ({@link WholeNumbers}). Spring Boot registers every Jackson {@code Module} bean
 * with the application's {@code ObjectMapper}; the global {@code fail-on-unknown-properties} stays false.
 */
@Component
public class StrictJsonModule extends SimpleModule {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public StrictJsonModule() {
        super("vending-hub-strict-json");
        for (Class<?> type : new Class<?>[] {Long.class, long.class, Integer.class, int.class}) {
            addDeserializer((Class) type, (com.fasterxml.jackson.databind.JsonDeserializer) new WholeNumbers(type));
        }
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new RefuseUnknownProperties());
    }

    private static final class RefuseUnknownProperties extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (type.isAnnotationPresent(StrictJson.class)) {
                throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
            }
            return false; // not ours to judge: Jackson's configured behaviour applies
        }
    }
}
