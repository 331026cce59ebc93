package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.party.PartyEvents;
import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;

/** The stored form of the party events, written and read by the application's ObjectMapper (Axon's serializer). */
class PartyEventJsonTest {

    private static final PartyId AMN = new PartyId("sthlm-amn");
    private static final LocalDate ON = LocalDate.of(2024, 3, 1);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    private static List<Object> oneOfEach() {
        return List.of(new PartyRegisteredEvent(AMN, "Arbetsmarknadsnämnden", "AMN", PartyKind.COMMITTEE,
                        "Stockholms stad", ON),
                new PartyDetailsChangedEvent(AMN, "Arbetsmarknadsnämnden", null, PartyKind.COMMITTEE, null,
                        "Förkortningen används inte", ON),
                new PartyNameRecordedEvent(AMN, "Arbetsmarknadsnämnden (AMN)", "Så skrevs den", ON));
    }

    @Test
    void coversEveryPartyEvent() {
        assertThat(oneOfEach()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(PartyEvents.ALL);
    }

    @Test
    void readsTheStoredFormBackEqual() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(oneOfEach().get(0))).isEqualTo("{\"partyId\":\"sthlm-amn\","
                    + "\"name\":\"Arbetsmarknadsnämnden\",\"abbreviation\":\"AMN\",\"kind\":\"COMMITTEE\","
                    + "\"municipality\":\"Stockholms stad\",\"occurredOn\":\"2024-03-01\"}");
            for (Object event : oneOfEach()) {
                assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
            }
        });
    }
}
