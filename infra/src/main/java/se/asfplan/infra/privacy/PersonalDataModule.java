package se.asfplan.infra.privacy;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import se.asfplan.domain.enterprise.EnterpriseDetails;

/**
 * Applies {@link PersonalDataProtection} to the domain's events wherever the application's ObjectMapper writes or
 * reads them (Axon's event serializer, the dead-letter queue): an event that can hold a sole trader's name
 * (a record with an {@link EnterpriseDetails} component) is written with the name encrypted; every event is read
 * back with its name revealed or marked erased and every personnummer in its texts masked. Nothing else the mapper
 * handles (API bodies, commands, views) is touched. Events are the records nested in the domain's
 * {@code ...Events} classes.
 */
public class PersonalDataModule extends SimpleModule {

    /** Trees keep every number exactly as written (BigDecimal with its scale). */
    private static final ObjectMapper TREES = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final transient Supplier<PersonalDataProtection> protection;

    /** @param protection looked up on first use, so that the ObjectMapper does not wait for the database */
    public PersonalDataModule(Supplier<PersonalDataProtection> protection) {
        super("asfplan-personal-data");
        this.protection = protection;
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return canHoldAPersonalName(description.getBeanClass())
                        ? new ProtectingSerializer((JsonSerializer<Object>) serializer, protection) : serializer;
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return isEvent(description.getBeanClass())
                        ? new RevealingDeserializer(deserializer, protection) : deserializer;
            }
        });
    }

    static boolean isEvent(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return type.isRecord() && enclosing != null && enclosing.getSimpleName().endsWith("Events")
                && type.getPackageName().startsWith("se.asfplan.domain");
    }

    static boolean canHoldAPersonalName(Class<?> type) {
        return isEvent(type) && Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.getType() == EnterpriseDetails.class);
    }

    private static final class ProtectingSerializer extends JsonSerializer<Object>
            implements ContextualSerializer, ResolvableSerializer {

        private final JsonSerializer<Object> delegate;
        private final Supplier<PersonalDataProtection> protection;

        ProtectingSerializer(JsonSerializer<Object> delegate, Supplier<PersonalDataProtection> protection) {
            this.delegate = delegate;
            this.protection = protection;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = delegate instanceof ContextualSerializer c
                    ? c.createContextual(provider, property) : delegate;
            return contextual == delegate ? this
                    : new ProtectingSerializer((JsonSerializer<Object>) contextual, protection);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            TokenBuffer buffer = new TokenBuffer(generator.getCodec(), false);
            delegate.serialize(value, buffer, provider);
            JsonNode tree;
            try (JsonParser parser = buffer.asParser(TREES)) {
                tree = TREES.readTree(parser);
            }
            protection.get().protect(tree);
            TREES.writeTree(generator, tree);
        }

        @Override
        public Class<Object> handledType() {
            return delegate.handledType();
        }
    }

    private static final class RevealingDeserializer extends DelegatingDeserializer {

        private final Supplier<PersonalDataProtection> protection;

        RevealingDeserializer(JsonDeserializer<?> delegate, Supplier<PersonalDataProtection> protection) {
            super(delegate);
            this.protection = protection;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new RevealingDeserializer(delegate, protection);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = TREES.readTree(parser);
            protection.get().reveal(tree);
            try (JsonParser revealed = TREES.treeAsTokens(tree)) {
                revealed.nextToken();
                return _delegatee.deserialize(revealed, context);
            }
        }
    }
}
