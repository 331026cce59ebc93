package se.asfplan.infra.storedevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import se.asfplan.domain.enterprise.EnterpriseEvent;
import se.asfplan.domain.meeting.MeetingEvent;
import se.asfplan.domain.party.PartyEvent;
import se.asfplan.domain.plan.PlanEvent;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.ProcurementEvent;
import se.asfplan.domain.round.RoundEvent;
import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.InputRules;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.infra.axon.OperatorEvents;
import se.asfplan.infra.json.JsonConfiguration;

/**
 * Every event type as it is stored today has a JSON fixture ({@code src/test/resources/stored-events/}, one file per
 * type, named by the class without its package), and each fixture reads back, through the event serializer, as its
 * type and writes back as the same JSON. The event types are found on the classpath (every record implementing one
 * of the domain's event interfaces, and every operator event), so a new event type without a fixture fails here, and
 * so does a change of the stored format: such a change needs an upcaster (see docs/operations.md), and the fixture
 * then stays as it was stored, read through the upcaster.
 * <p>
 * To write the fixture of a new event type, run this test once with {@code -Dfixtures.write=true}: it writes the
 * missing fixtures from sample values and fails, so that they are looked at and committed.
 */
class StoredEventFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/stored-events");
    private static final List<Class<?>> MARKERS = List.of(PlanEvent.class, EnterpriseEvent.class, MeetingEvent.class,
            ProcurementEvent.class, PartyEvent.class, RoundEvent.class);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    @Test
    void everyStoredEventTypeHasAFixtureThatReadsBackAsItWasStored() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ReadingStoredEventsSerializer serializer = serializer(json);
            Set<String> missing = new TreeSet<>();
            List<Class<?>> types = eventTypes();
            assertThat(types).hasSizeGreaterThan(50);
            for (Class<?> type : types) {
                String name = fixtureName(type);
                byte[] stored = fixture(name);
                if (stored == null) {
                    missing.add(name);
                    if (Boolean.getBoolean("fixtures.write")) {
                        Object sample = InputRules.suspendedWhile(() -> sample(type, type));
                        Files.createDirectories(FIXTURES);
                        Files.writeString(FIXTURES.resolve(name), json.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(sample) + "\n");
                    }
                    continue;
                }
                Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                        new SimpleSerializedType(type.getName(), null)));
                assertThat(read).as(name).isInstanceOf(type);
                JsonNode written = json.readTree(json.writeValueAsBytes(read));
                assertThat(written).as(name + " writes back as stored").isEqualTo(json.readTree(stored));
            }
            assertThat(missing).as("event types without a fixture in " + FIXTURES
                    + " (run once with -Dfixtures.write=true to write them)").isEmpty();
        });
    }

    /** A fixture read through an upcaster of the chain: an older stored form reads as today's type. */
    @Test
    void anUpcasterInTheChainReadsAnOlderStoredFormAsTodaysType() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ReadingStoredEventsSerializer serializer = serializer(json);
            String type = "se.asfplan.domain.plan.PlanEvents$AreaAddedEvent";
            ObjectNode today = (ObjectNode) json.readTree(fixture("PlanEvents$AreaAddedEvent.json"));
            // an imaginary older form, revision "0", that called the name "title"
            ObjectNode older = today.deepCopy();
            older.set("title", older.remove("name"));
            SingleEventUpcaster renameTitle = new SingleEventUpcaster() {
                @Override
                protected boolean canUpcast(IntermediateEventRepresentation representation) {
                    return representation.getType().getName().equals(type)
                            && "0".equals(representation.getType().getRevision());
                }

                @Override
                protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                    return representation.upcastPayload(new SimpleSerializedType(type, null), JsonNode.class,
                            node -> {
                                ObjectNode payload = (ObjectNode) node;
                                payload.set("name", payload.remove("title"));
                                return payload;
                            });
                }
            };
            GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Plan", "plan-a", 1, "event-1",
                    "2024-03-01T10:00:00Z", type, "0", json.writeValueAsBytes(older), "{}".getBytes());
            List<IntermediateEventRepresentation> upcasted = new EventUpcasterChain(renameTitle)
                    .upcast(Stream.of(new InitialEventRepresentation(row, serializer))).toList();
            assertThat(upcasted).hasSize(1);
            SerializedObject<byte[]> data = upcasted.get(0).getData(byte[].class);
            Object read = serializer.deserialize(data);
            assertThat(json.readTree(json.writeValueAsBytes(read))).isEqualTo(today);
        });
    }

    /** An event stored under rules a later release tightened reads as it was stored; as input it is refused. */
    @Test
    void anEventTodaysRulesRefuseReadsAsStored() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ReadingStoredEventsSerializer serializer = serializer(json);
            ObjectNode stored = (ObjectNode) json.readTree(
                    fixture("EnterpriseEvents$SocialEnterpriseRegisteredEvent.json"));
            stored.put("organisationNumber", "556677-8890");
            String type = "se.asfplan.domain.enterprise.EnterpriseEvents$SocialEnterpriseRegisteredEvent";
            Object read = serializer.deserialize(new SimpleSerializedObject<>(json.writeValueAsBytes(stored),
                    byte[].class, new SimpleSerializedType(type, null)));
            assertThat(json.readTree(json.writeValueAsBytes(read)).get("organisationNumber").asText())
                    .isEqualTo("556677-8890");
            assertThatThrownBy(() -> json.treeToValue(stored, Class.forName(type)))
                    .hasMessageContaining("check digit");
        });
    }

    private static ReadingStoredEventsSerializer serializer(ObjectMapper json) {
        return new ReadingStoredEventsSerializer(JacksonSerializer.builder().objectMapper(json).build());
    }

    static List<Class<?>> eventTypes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        MARKERS.forEach(marker -> scanner.addIncludeFilter(new AssignableTypeFilter(marker)));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("se.asfplan.domain")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord()) {
                types.add(type);
            }
        }
        Arrays.stream(OperatorEvents.class.getDeclaredClasses()).filter(Class::isRecord).forEach(types::add);
        return types;
    }

    static String fixtureName(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1) + ".json";
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StoredEventFixturesTest.class.getResourceAsStream("/stored-events/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    // ------------------------------------------------------------------------ sample values for new fixtures

    private static Object sample(Type type, Class<?> owner) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            return "Text";
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2024, 3, 1);
        }
        if (raw == int.class || raw == Integer.class) {
            return 2024;
        }
        if (raw == long.class || raw == Long.class) {
            return 3L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("3");
        }
        if (raw == OrganisationNumber.class) {
            return new OrganisationNumber(OrganisationNumber.EXAMPLE);
        }
        if (raw == CpvCode.class) {
            return new CpvCode(CpvCode.EXAMPLE);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            Object one = sample(((ParameterizedType) type).getActualTypeArguments()[0], owner);
            return List.class.isAssignableFrom(raw) ? List.of(one) : Set.of(one);
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
                values[i] = components[i].getType() == String.class && Identifier.class.isAssignableFrom(raw)
                        ? "sample-id" : sample(components[i].getGenericType(), raw);
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(parameterTypes);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a sample " + raw.getName(), e);
            }
        }
        throw new IllegalStateException("no sample value for " + type + " in " + owner.getName()
                + ": add one to StoredEventFixturesTest.sample");
    }
}
