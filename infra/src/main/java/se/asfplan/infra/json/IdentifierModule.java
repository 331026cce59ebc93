package se.asfplan.infra.json;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import se.asfplan.domain.shared.Identifier;

/**
 * Writes every {@link Identifier} as its plain string and reads it back through the type's one-string
 * constructor, so that stored events and API bodies say {@code "planId": "stockholm-asf-2021"} rather than a
 * nested object, while {@code core-domain} stays free of Jackson annotations. A constructor's validation message
 * becomes an {@link InvalidFormatException} that names the field's path.
 */
public class IdentifierModule extends SimpleModule {

    public IdentifierModule() {
        super("asfplan-identifiers");
        addSerializer(Identifier.class, new StdSerializer<>(Identifier.class) {
            @Override
            public void serialize(Identifier value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(value.value());
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                Class<?> raw = type.getRawClass();
                return Identifier.class.isAssignableFrom(raw) && !raw.isInterface()
                        ? new IdentifierDeserializer(raw) : null;
            }
        });
    }

    private static final class IdentifierDeserializer extends JsonDeserializer<Object> {

        private final Class<?> type;
        private final Constructor<?> constructor;

        private IdentifierDeserializer(Class<?> type) {
            this.type = type;
            try {
                this.constructor = type.getDeclaredConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " needs a constructor taking one String", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getText();
            try {
                return constructor.newInstance(text);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                String message = cause instanceof IllegalArgumentException ? cause.getMessage() : "invalid identifier";
                throw new InvalidFormatException(parser, message, text, type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
            }
        }
    }
}
