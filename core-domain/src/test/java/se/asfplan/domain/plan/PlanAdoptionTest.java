package se.asfplan.domain.plan;

import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.GoalDraft;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;

/** Adopting a plan, alone or together with its whole structure (a plan file import). */
class PlanAdoptionTest {

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    @Test
    void adoptsAPlanWithoutStructure() {
        fixture.givenNoPriorActivity()
                .when(adoptPlan(2021, 2024))
                .expectSuccessfulHandlerExecution()
                .expectEvents(planAdopted(2021, 2024));
    }

    @Test
    void adoptsAPlanWithAnOngoingPeriod() {
        fixture.givenNoPriorActivity()
                .when(adoptPlan(PlanPeriod.ongoingFrom(2021), ADOPTED_ON, List.of(), List.of()))
                .expectEvents(planAdoptedOngoingFrom(2021));
    }

    @Test
    void adoptsAPlanWithItsAreasActivitiesAndGoalsInOrderDatedOnTheAdoption() {
        ActivityDraft mapping = activityDraft("kartlagg-asf", Timeline.years(2021, 2022));
        ActivityDraft ongoing = activityDraft("natverkstraffar", null);
        ActivityDraft procurement = new ActivityDraft(new ActivityId("reserverade-upphandlingar"),
                ActivityKind.STEERING_POSSIBILITY, "Sätt mål för reserverade upphandlingar", "Minst tre per år",
                Responsibility.of("Stadsledningskontoret"), Timeline.ongoingFrom(2022));
        GoalDraft linked = new GoalDraft(new GoalId("reserved-procurements-2023"), 2023, GoalKind.COUNT,
                "Reserverade upphandlingar", AT_LEAST_THREE, new ActivityId("reserverade-upphandlingar"),
                GOAL_DECISION, Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
        GoalDraft unlinked = goalDraft("asf-invited-2024", 2024);

        AdoptPlanCommand command = adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON,
                List.of(areaDraft("natverkande", mapping, ongoing), areaDraft("upphandling", procurement)),
                List.of(linked, unlinked));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(
                        planAdopted(2021, 2024),
                        new AreaAddedEvent(PLAN_ID, new AreaId("natverkande"), areaName("natverkande"), null,
                                ADOPTED_ON),
                        activityAdded("kartlagg-asf", Timeline.years(2021, 2022)),
                        activityAdded("natverkstraffar", Timeline.ongoing()),
                        new AreaAddedEvent(PLAN_ID, new AreaId("upphandling"), areaName("upphandling"), null,
                                ADOPTED_ON),
                        new ActivityAddedEvent(PLAN_ID, new ActivityId("reserverade-upphandlingar"),
                                new AreaId("upphandling"), ActivityKind.STEERING_POSSIBILITY,
                                "Sätt mål för reserverade upphandlingar", "Minst tre per år",
                                Responsibility.of("Stadsledningskontoret"), Timeline.ongoingFrom(2022), ADOPTED_ON),
                        new GoalSetEvent(PLAN_ID, new GoalId("reserved-procurements-2023"), 2023, GoalKind.COUNT,
                                "Reserverade upphandlingar", AT_LEAST_THREE,
                                new ActivityId("reserverade-upphandlingar"), GOAL_DECISION, ADOPTED_ON,
                                Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED),
                        goalSet("asf-invited-2024", 2024));
    }

    @Test
    void recordsTrimmedTextAndDropsABlankDescription() {
        AdoptPlanCommand command = new AdoptPlanCommand(PLAN_ID, "  " + TITLE + "\n", " " + MUNICIPALITY,
                ADOPTION, ADOPTED_ON, PlanPeriod.of(2021, 2024),
                List.of(new AreaDraft(new AreaId(AREA), " Nätverkande ", "   ", null)), null);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(planAdopted(2021, 2024),
                        new AreaAddedEvent(PLAN_ID, new AreaId(AREA), "Nätverkande", null, ADOPTED_ON));
    }

    @Test
    void adoptsAPlanDatedToday() {
        fixture.givenNoPriorActivity()
                .when(adoptPlan(PlanPeriod.of(2024, 2027), TODAY, List.of(), List.of()))
                .expectEvents(new PlanAdoptedEvent(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, PlanPeriod.of(2024, 2027),
                        TODAY));
    }

    @Test
    void adoptsAPlanOnNewYearsDayWhenItIsAlreadyNewYearInStockholm() {
        LocalDate newYearsDay = LocalDate.of(2025, 1, 1);
        planFixture(clockAt(Instant.parse("2024-12-31T23:30:00Z")))
                .givenNoPriorActivity()
                .when(adoptPlan(PlanPeriod.of(2025, 2028), newYearsDay, List.of(), List.of()))
                .expectEvents(new PlanAdoptedEvent(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, PlanPeriod.of(2025, 2028),
                        newYearsDay));
    }

    @Test
    void refusesAnAdoptionDatedTomorrow() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2024, 2027), TOMORROW, List.of(), List.of())),
                PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE,
                "The date 2024-06-16 lies in the future (today is 2024-06-15)");
    }

    @Test
    void refusesToAdoptTheSamePlanTwice() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(adoptPlan(2021, 2024)),
                PlanRule.PLAN_CAN_BE_ADOPTED_ONCE, "Plan stockholm-asf-2021 was already adopted on 2021-03-15");
    }

    /** The edge reports this as {@link PlanRule#PLAN_MUST_BE_ADOPTED_FIRST}; the aggregate never sees the command. */
    @Test
    void refusesACommandForAPlanNeverAdopted() {
        fixture.givenNoPriorActivity()
                .when(addArea(AREA, ADOPTED_ON))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesDuplicateAreaIdsInTheAdoptedStructure() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON,
                                List.of(areaDraft(AREA), areaDraft(AREA)), List.of())),
                PlanRule.AREA_ID_MUST_BE_UNIQUE, "already has an area natverkande");
    }

    @Test
    void refusesDuplicateActivityIdsAcrossAreasInTheAdoptedStructure() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON,
                                List.of(areaDraft(AREA, activityDraft(ACTIVITY, WHOLE_PLAN)),
                                        areaDraft("upphandling", activityDraft(ACTIVITY, WHOLE_PLAN))),
                                List.of())),
                PlanRule.ACTIVITY_ID_MUST_BE_UNIQUE, "already has an activity kartlagg-asf");
    }

    @Test
    void refusesDuplicateGoalIdsInTheAdoptedStructure() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON, List.of(),
                                List.of(goalDraft(GOAL, 2023), goalDraft(GOAL, 2024)))),
                PlanRule.GOAL_ID_MUST_BE_UNIQUE, "already has a goal reserved-procurements-2023 (for 2023)");
    }

    @Test
    void refusesAnAdoptedGoalOutsideThePlanPeriod() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON, List.of(),
                                List.of(goalDraft(GOAL, 2025)))),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Goal year 2025 lies outside the plan period 2021-2024");
    }

    @Test
    void refusesAnAdoptedActivityTimelineOutsideThePlanPeriod() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON,
                                List.of(areaDraft(AREA, activityDraft(ACTIVITY, Timeline.years(2023, 2025)))),
                                List.of())),
                PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Activity kartlagg-asf planned for 2023-2025 must lie within the plan period 2021-2024");
    }

    @Test
    void refusesAnAdoptedGoalFollowingAnActivityTheStructureLacks() {
        GoalDraft linked = new GoalDraft(new GoalId(GOAL), 2023, GoalKind.COUNT, "Reserverade upphandlingar",
                AT_LEAST_THREE, new ActivityId("saknas"), GOAL_DECISION,
                Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON, List.of(), List.of(linked))),
                PlanRule.ACTIVITY_MUST_EXIST, "has no activity saknas for the goal to follow");
    }

    @Test
    void rejectsAnOverLongTitle() {
        AdoptPlanCommand command = new AdoptPlanCommand(PLAN_ID, "x".repeat(301), MUNICIPALITY, ADOPTION,
                ADOPTED_ON, PlanPeriod.of(2021, 2024), null, null);
        expectInvalid(fixture.givenNoPriorActivity().when(command),
                "title must be at most 300 characters, but has 301");
    }

    @Test
    void acceptsATitleOfExactlyTheMaximumLength() {
        String title = "x".repeat(300);
        fixture.givenNoPriorActivity()
                .when(new AdoptPlanCommand(PLAN_ID, title, MUNICIPALITY, ADOPTION, ADOPTED_ON,
                        PlanPeriod.of(2021, 2024), null, null))
                .expectEvents(new PlanAdoptedEvent(PLAN_ID, title, MUNICIPALITY, ADOPTION, PlanPeriod.of(2021, 2024),
                        ADOPTED_ON));
    }

    @Test
    void rejectsAnAdoptionWithoutItsDate() {
        expectInvalid(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), null, List.of(), List.of())),
                "adoptedOn must be given");
    }

    @Test
    void rejectsAnAdoptionWithoutItsPeriod() {
        expectInvalid(fixture.givenNoPriorActivity()
                        .when(adoptPlan(null, ADOPTED_ON, List.of(), List.of())),
                "period must be given");
    }
}
