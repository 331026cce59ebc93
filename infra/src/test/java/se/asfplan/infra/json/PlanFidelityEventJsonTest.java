package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.DecisionId;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.PlanSection;
import se.asfplan.domain.plan.UnderWay;

/**
 * The stored form of the plan events that gained optional fields (the adoption's sections, an area's number, a
 * start's under-way-at-adoption), read by the application's own ObjectMapper, the one Axon stores events with: events
 * stored before the fields existed, as they are in the event store, still read, with the new fields null; the new
 * fields and the decision events read back equal.
 */
class PlanFidelityEventJsonTest {

    private static final PlanId PLAN = new PlanId("stockholm-asf-2021");
    private static final LocalDate ADOPTED_ON = LocalDate.of(2021, 8, 31);

    /** PlanAdoptedEvent as stored before sections existed. */
    private static final String ADOPTED_BEFORE = """
            {"planId":"stockholm-asf-2021","title":"Handlingsplan för ASF","municipality":"Stockholms stad",\
            "adoption":{"body":"Kommunfullmäktige","reference":"KS 2021/1011","paragraph":"§ 14"},\
            "period":{"fromYear":2021,"toYear":2024},"occurredOn":"2021-08-31"}""";
    /** AreaAddedEvent as stored before area numbers existed. */
    private static final String AREA_BEFORE = """
            {"planId":"stockholm-asf-2021","areaId":"natverkande","name":"Nätverkande","description":null,\
            "occurredOn":"2021-08-31"}""";
    /** ActivityStartedEvent as stored before activities could be under way at the adoption. */
    private static final String STARTED_BEFORE = """
            {"planId":"stockholm-asf-2021","activityId":"natverk-bjuda-in","occurredOn":"2022-02-01"}""";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    @Test
    void readsPlanEventsStoredBeforeTheNewFieldsWithTheNewFieldsNull() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.readValue(ADOPTED_BEFORE, PlanAdoptedEvent.class)).isEqualTo(new PlanAdoptedEvent(PLAN,
                    "Handlingsplan för ASF", "Stockholms stad", new Decision("Kommunfullmäktige", "KS 2021/1011",
                    "§ 14"), PlanPeriod.of(2021, 2024), ADOPTED_ON, null));
            assertThat(json.readValue(AREA_BEFORE, AreaAddedEvent.class)).isEqualTo(new AreaAddedEvent(PLAN,
                    new AreaId("natverkande"), "Nätverkande", null, ADOPTED_ON, null));
            assertThat(json.readValue(STARTED_BEFORE, ActivityStartedEvent.class)).isEqualTo(
                    new ActivityStartedEvent(PLAN, new ActivityId("natverk-bjuda-in"), LocalDate.of(2022, 2, 1),
                            null));
        });
    }

    @Test
    void writesAnEventWithoutTheNewFieldsAsTheOldFormWithTheNewFieldsNull() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(json.readValue(ADOPTED_BEFORE, PlanAdoptedEvent.class)))
                    .isEqualTo(ADOPTED_BEFORE.replaceFirst("}$", ",\"sections\":null}"));
            assertThat(json.writeValueAsString(json.readValue(AREA_BEFORE, AreaAddedEvent.class)))
                    .isEqualTo(AREA_BEFORE.replaceFirst("}$", ",\"number\":null}"));
            assertThat(json.writeValueAsString(json.readValue(STARTED_BEFORE, ActivityStartedEvent.class)))
                    .isEqualTo(STARTED_BEFORE.replaceFirst("}$", ",\"underWayAtAdoption\":null}"));
        });
    }

    @Test
    void readsTheNewFieldsAndTheDecisionEventsBackEqual() {
        PlanAdoptedEvent adopted = new PlanAdoptedEvent(PLAN, "Handlingsplan", "Stockholms stad",
                Decision.by("Kommunfullmäktige"), PlanPeriod.ongoingFrom(2021), ADOPTED_ON,
                List.of(new PlanSection("Syfte", "Att främja ASF."), new PlanSection("Uppföljning", "Årligen.")));
        AreaAddedEvent area = new AreaAddedEvent(PLAN, new AreaId("natverkande"), "Nätverkande", null, ADOPTED_ON, 3);
        ActivityStartedEvent since = new ActivityStartedEvent(PLAN, new ActivityId("kartlagg-asf"),
                LocalDate.of(2020, 5, 1), UnderWay.since(LocalDate.of(2020, 5, 1)));
        ActivityStartedEvent before = new ActivityStartedEvent(PLAN, new ActivityId("kartlagg-asf"), ADOPTED_ON,
                UnderWay.beforePlan());
        PlanDecisionRecordedEvent recorded = new PlanDecisionRecordedEvent(PLAN, new DecisionId("forslag-amn"),
                DecisionKind.PROPOSAL, new Decision("Arbetsmarknadsnämnden", "AMN 2021/3", "§ 9"), null,
                LocalDate.of(2021, 6, 1));
        PlanDecisionCorrectedEvent corrected = new PlanDecisionCorrectedEvent(PLAN, DecisionId.ADOPTION,
                new Decision("Kommunfullmäktige", "KS 2021/1011", "§ 41"), ADOPTED_ON, "Fel paragraf",
                LocalDate.of(2024, 1, 10));
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(adopted)).endsWith(",\"occurredOn\":\"2021-08-31\",\"sections\":"
                    + "[{\"heading\":\"Syfte\",\"text\":\"Att främja ASF.\"},{\"heading\":\"Uppföljning\","
                    + "\"text\":\"Årligen.\"}]}");
            assertThat(json.writeValueAsString(before)).endsWith(
                    "\"underWayAtAdoption\":{\"since\":null,\"sinceBeforePlan\":true}}");
            assertThat(json.writeValueAsString(corrected)).isEqualTo("{\"planId\":\"stockholm-asf-2021\","
                    + "\"decisionId\":\"adoption\",\"decision\":{\"body\":\"Kommunfullmäktige\",\"reference\":"
                    + "\"KS 2021/1011\",\"paragraph\":\"§ 41\"},\"decidedOn\":\"2021-08-31\",\"reason\":"
                    + "\"Fel paragraf\",\"occurredOn\":\"2024-01-10\"}");
            for (Object event : List.of(adopted, area, since, before, recorded, corrected)) {
                assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
            }
        });
    }

    @Test
    void anImportCommandWithoutTheNewListsHasThemEmpty() {
        AdoptPlanCommand command = new AdoptPlanCommand(PLAN, "Handlingsplan", "Stockholms stad",
                Decision.by("Kommunfullmäktige"), ADOPTED_ON, PlanPeriod.of(2021, 2024), null, null, null, null,
                null, null);
        assertThat(command.sections()).isEmpty();
        assertThat(command.decisions()).isEmpty();
        assertThat(command.recurringGoals()).isEmpty();
    }
}
