package se.asfplan.domain.plan;

import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.AddActivityCommand;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;

/** Adding areas and activities to an adopted plan. */
class PlanStructureTest {

    private static final LocalDate ADDED_ON = LocalDate.of(2022, 9, 1);

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    @Test
    void addsAnArea() {
        fixture.given(planAdopted(2021, 2024))
                .when(new AddAreaCommand(PLAN_ID, new AreaId("upphandling"), "Upphandling",
                        "Reserverade upphandlingar och sociala hänsyn", ADDED_ON))
                .expectEvents(new AreaAddedEvent(PLAN_ID, new AreaId("upphandling"), "Upphandling",
                        "Reserverade upphandlingar och sociala hänsyn", ADDED_ON));
    }

    @Test
    void refusesASecondAreaWithTheSameId() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(addArea(AREA, ADDED_ON)),
                PlanRule.AREA_ID_MUST_BE_UNIQUE,
                "Plan stockholm-asf-2021 already has an area natverkande ('Området natverkande')");
    }

    @Test
    void rejectsAnAreaWithoutAName() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(new AddAreaCommand(PLAN_ID, new AreaId(AREA), "", null, ADDED_ON)),
                "area name must not be blank");
    }

    @Test
    void addsAnActivityToAnArea() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                .when(new AddActivityCommand(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA),
                        ActivityKind.LARGER_STEP, "Kartlägg ASF i staden", "Med SBR", RESPONSIBILITY,
                        Timeline.years(2022, 2023), ADDED_ON))
                .expectEvents(new ActivityAddedEvent(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA),
                        ActivityKind.LARGER_STEP, "Kartlägg ASF i staden", "Med SBR", RESPONSIBILITY,
                        Timeline.years(2022, 2023), ADDED_ON));
    }

    @Test
    void plansAnActivityWithoutTimelineAsOngoingThroughoutThePlan() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                .when(addActivity(ACTIVITY, null, ADDED_ON))
                .expectEvents(new ActivityAddedEvent(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA),
                        ActivityKind.ACTIVITY, activityTitle(ACTIVITY), null, RESPONSIBILITY, Timeline.ongoing(),
                        ADDED_ON));
    }

    @Test
    void acceptsATimelineOngoingFromAYearWithinAClosedPeriod() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                .when(addActivity(ACTIVITY, Timeline.ongoingFrom(2024), ADDED_ON))
                .expectEvents(new ActivityAddedEvent(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA),
                        ActivityKind.ACTIVITY, activityTitle(ACTIVITY), null, RESPONSIBILITY,
                        Timeline.ongoingFrom(2024), ADDED_ON));
    }

    @Test
    void refusesASecondActivityWithTheSameId() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), areaAdded("upphandling"),
                                activityAdded(ACTIVITY))
                        .when(new AddActivityCommand(PLAN_ID, new ActivityId(ACTIVITY), new AreaId("upphandling"),
                                ActivityKind.ACTIVITY, "Något annat", null, RESPONSIBILITY, null, ADDED_ON)),
                PlanRule.ACTIVITY_ID_MUST_BE_UNIQUE, "Plan stockholm-asf-2021 already has an activity kartlagg-asf");
    }

    @Test
    void refusesAnActivityInAnAreaThePlanLacks() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(new AddActivityCommand(PLAN_ID, new ActivityId(ACTIVITY), new AreaId("okand"),
                                ActivityKind.ACTIVITY, "Något", null, RESPONSIBILITY, null, ADDED_ON)),
                PlanRule.AREA_MUST_EXIST, "Plan stockholm-asf-2021 has no area okand; its areas are [natverkande]");
    }

    @Test
    void refusesATimelineStartingBeforeThePlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(addActivity(ACTIVITY, Timeline.years(2020, 2022), ADDED_ON)),
                PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Activity kartlagg-asf planned for 2020-2022 must lie within the plan period 2021-2024");
    }

    @Test
    void refusesATimelineEndingAfterThePlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(addActivity(ACTIVITY, Timeline.years(2024, 2025), ADDED_ON)),
                PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                "planned for 2024-2025 must lie within the plan period 2021-2024");
    }

    @Test
    void refusesATimelineOngoingFromAYearAfterThePlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(addActivity(ACTIVITY, Timeline.ongoingFrom(2025), ADDED_ON)),
                PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                "planned for ongoing from 2025 must lie within the plan period 2021-2024");
    }

    @Test
    void refusesATimelineBeforeAnOngoingPlanPeriod() {
        expectRefusal(fixture.given(planAdoptedOngoingFrom(2021), areaAdded(AREA))
                        .when(addActivity(ACTIVITY, Timeline.years(2019, 2022), ADDED_ON)),
                PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                "planned for 2019-2022 must lie within the plan period 2021-");
    }

    @Test
    void rejectsAnOverLongActivityTitle() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(new AddActivityCommand(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA),
                                ActivityKind.ACTIVITY, "t".repeat(301), null, RESPONSIBILITY, null, ADDED_ON)),
                "activity title must be at most 300 characters, but has 301");
    }

    @Test
    void rejectsAnActivityWithoutResponsibility() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(new AddActivityCommand(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA),
                                ActivityKind.ACTIVITY, "Kartlägg", null, null, null, ADDED_ON)),
                "responsibility must be given");
    }

    @Test
    void rejectsAnActivityWithoutKind() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(new AddActivityCommand(PLAN_ID, new ActivityId(ACTIVITY), new AreaId(AREA), null,
                                "Kartlägg", null, RESPONSIBILITY, null, ADDED_ON)),
                "kind must be given");
    }
}
