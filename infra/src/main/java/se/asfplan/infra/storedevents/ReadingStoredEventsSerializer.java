package se.asfplan.infra.storedevents;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import se.asfplan.domain.shared.InputRules;

/**
 * The event serializer (Axon's, as configured) with one change: a stored event is deserialized with today's input
 * rules suspended ({@link InputRules}), so that a fact recorded under the rules of its day reads back as it was
 * recorded. Validation belongs to commands; an API body or a plan file never goes through this serializer.
 * Everything else is the delegate's.
 */
public class ReadingStoredEventsSerializer implements Serializer {

    private final Serializer delegate;

    public ReadingStoredEventsSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return InputRules.suspendedWhile(() -> delegate.deserialize(serializedObject));
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** The serializer this one reads through. */
    public Serializer delegate() {
        return delegate;
    }
}
