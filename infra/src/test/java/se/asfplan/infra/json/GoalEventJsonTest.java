package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.RecurringGoalSetEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Target;

/**
 * The stored form of the goal events that gained a measure and a reported outcome, read by the application's own
 * ObjectMapper (the one Axon stores events with): a goal stored before measures existed still reads, with no
 * measure, so its outcome is reported by hand; the new fields read back equal.
 */
class GoalEventJsonTest {

    private static final PlanId PLAN = new PlanId("stockholm-asf-2021");
    private static final GoalId GOAL = new GoalId("reserverade-2023");
    private static final LocalDate ON = LocalDate.of(2023, 1, 20);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    @Test
    void readsAGoalStoredBeforeMeasuresExistedWithoutMeasure() {
        String storedBefore = "{\"planId\":\"stockholm-asf-2021\",\"goalId\":\"reserverade-2023\",\"year\":2023,"
                + "\"kind\":\"COUNT\",\"indicator\":\"Reserverade upphandlingar\",\"target\":{\"comparator\":"
                + "\"AT_LEAST\",\"value\":3,\"unit\":\"st\"},\"activityId\":null,\"decision\":{\"body\":\"KS\","
                + "\"reference\":null,\"paragraph\":null},\"occurredOn\":\"2023-01-20\"}";
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.readValue(storedBefore, GoalSetEvent.class)).isEqualTo(new GoalSetEvent(PLAN, GOAL, 2023,
                    GoalKind.COUNT, "Reserverade upphandlingar", Target.atLeast(3, "st"), null, Decision.by("KS"),
                    ON, null));
        });
    }

    /**
     * Goal events stored before two measures were renamed (issue 10) name them by their former names; they read as
     * the renamed measures, and are written back with the new names. An unknown name is still refused.
     */
    @Test
    void readsAGoalStoredWithAMeasuresFormerNameAsTheRenamedMeasure() {
        String storedWithFormerName = "{\"planId\":\"stockholm-asf-2021\",\"goalId\":\"reserverade-2023\","
                + "\"year\":2023,\"kind\":\"COUNT\",\"indicator\":\"Reserverade upphandlingar\",\"target\":"
                + "{\"comparator\":\"AT_LEAST\",\"value\":3,\"unit\":\"st\"},\"activityId\":null,\"decision\":"
                + "{\"body\":\"KS\",\"reference\":null,\"paragraph\":null},\"occurredOn\":\"2023-01-20\","
                + "\"measure\":\"RESERVED_PROCUREMENTS_BEGUN\"}";
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            GoalSetEvent read = json.readValue(storedWithFormerName, GoalSetEvent.class);
            assertThat(read).isEqualTo(new GoalSetEvent(PLAN, GOAL, 2023, GoalKind.COUNT,
                    "Reserverade upphandlingar", Target.atLeast(3, "st"), null, Decision.by("KS"), ON,
                    Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED));
            assertThat(json.writeValueAsString(read)).isEqualTo(storedWithFormerName.replace(
                    "\"RESERVED_PROCUREMENTS_BEGUN\"}", "\"RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED\","
                            + "\"recurringGoalId\":null}"));
            assertThat(json.readValue(storedWithFormerName.replace("RESERVED_PROCUREMENTS_BEGUN",
                    "CONTRACTS_AWARDED_TO_ASF"), GoalSetEvent.class).measure())
                    .isEqualTo(Measure.CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE);
            assertThatThrownBy(() -> json.readValue(storedWithFormerName.replace("RESERVED_PROCUREMENTS_BEGUN",
                    "RESERVED_CONTRACTS"), GoalSetEvent.class))
                    .isInstanceOf(InvalidFormatException.class).hasMessageContaining("RESERVED_CONTRACTS");
        });
    }

    @Test
    void readsAMeasuredGoalAndAReportedOutcomeBackEqual() {
        GoalSetEvent measured = new GoalSetEvent(PLAN, GOAL, 2023, GoalKind.COUNT, "Reserverade upphandlingar",
                Target.atLeast(3, "st"), null, Decision.by("KS"), ON,
                Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
        GoalOutcomeReportedEvent reported = new GoalOutcomeReportedEvent(PLAN, GOAL, 2023, new BigDecimal("21.5"),
                "Enkät till Plusmedlemmar", ON);
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(measured)).contains(
                    ",\"occurredOn\":\"2023-01-20\",\"measure\":\"RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED\"");
            assertThat(json.readValue(json.writeValueAsString(measured), GoalSetEvent.class)).isEqualTo(measured);
            assertThat(json.writeValueAsString(reported)).isEqualTo("{\"planId\":\"stockholm-asf-2021\","
                    + "\"goalId\":\"reserverade-2023\",\"year\":2023,\"value\":21.5,"
                    + "\"source\":\"Enkät till Plusmedlemmar\",\"occurredOn\":\"2023-01-20\"}");
            assertThat(json.readValue(json.writeValueAsString(reported), GoalOutcomeReportedEvent.class))
                    .isEqualTo(reported);
        });
    }

    @Test
    void readsAGoalStoredBeforeRecurringGoalsExistedAsAGoalForItsYearAlone() {
        String storedBefore = "{\"planId\":\"stockholm-asf-2021\",\"goalId\":\"reserverade-2023\",\"year\":2023,"
                + "\"kind\":\"COUNT\",\"indicator\":\"Inbjudna\",\"target\":{\"comparator\":\"AT_LEAST\","
                + "\"value\":3,\"unit\":\"st\"},\"activityId\":null,\"decision\":{\"body\":\"KS\","
                + "\"reference\":null,\"paragraph\":null},\"occurredOn\":\"2023-01-20\","
                + "\"measure\":\"INTEGRATIONSPAKTEN_INVITATIONS\"}";
        context.run(app -> {
            GoalSetEvent read = app.getBean(ObjectMapper.class).readValue(storedBefore, GoalSetEvent.class);
            assertThat(read.recurringGoalId()).isNull();
            assertThat(read).isEqualTo(new GoalSetEvent(PLAN, GOAL, 2023, GoalKind.COUNT, "Inbjudna",
                    Target.atLeast(3, "st"), null, Decision.by("KS"), ON, Measure.INTEGRATIONSPAKTEN_INVITATIONS));
        });
    }

    @Test
    void readsARecurringGoalAndItsYearsGoalBackEqual() {
        GoalId recurring = new GoalId("fler-inbjudna");
        RecurringGoalSetEvent set = new RecurringGoalSetEvent(PLAN, recurring, GoalKind.CHANGE, "Fler inbjudna",
                Target.atLeast(1, "st"), null, Decision.by("KS"), Measure.INTEGRATIONSPAKTEN_INVITATIONS, 2021, 2024,
                true, ON);
        GoalSetEvent year = new GoalSetEvent(PLAN, new GoalId("fler-inbjudna-2023"), 2023, GoalKind.CHANGE,
                "Fler inbjudna", Target.atLeast(1, "st"), null, Decision.by("KS"), ON,
                Measure.INTEGRATIONSPAKTEN_INVITATIONS, recurring);
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(set)).contains("\"fromYear\":2021,\"toYear\":2024,"
                    + "\"untilThePlanEnds\":true");
            assertThat(json.readValue(json.writeValueAsString(set), RecurringGoalSetEvent.class)).isEqualTo(set);
            assertThat(json.writeValueAsString(year)).endsWith(",\"recurringGoalId\":\"fler-inbjudna\"}");
            assertThat(json.readValue(json.writeValueAsString(year), GoalSetEvent.class)).isEqualTo(year);
        });
    }
}
