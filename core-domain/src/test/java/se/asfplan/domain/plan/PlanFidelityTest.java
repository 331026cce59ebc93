package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.DecisionDraft;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;

/**
 * What real plans say beyond areas, activities and goals, recorded with the adoption: the plan's own texts
 * (sections), the areas' own numbers, activities already under way when the plan was adopted, and the decisions
 * before the adoption.
 */
class PlanFidelityTest {

    private static final List<PlanSection> SECTIONS = List.of(
            new PlanSection("Syfte", "Planen ska främja arbetsintegrerande sociala företag."),
            new PlanSection("Omfattning", "Planen gäller alla nämnder och bolag."),
            new PlanSection("Ansvar", "Kommunstyrelsen ansvarar för planen."),
            new PlanSection("Uppföljning", "Planen följs upp årligen."));
    private static final LocalDate UNDER_WAY_SINCE = LocalDate.of(2020, 5, 1);
    private static final Decision PROPOSAL = new Decision("Arbetsmarknadsnämnden", "AMN 2020/12", "§ 8");
    private static final LocalDate PROPOSED_ON = LocalDate.of(2021, 1, 20);

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private static AdoptPlanCommand adoptWith(List<PlanSection> sections, List<AreaDraft> areas,
                                              List<DecisionDraft> decisions) {
        return new AdoptPlanCommand(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, ADOPTED_ON, PlanPeriod.of(2021, 2024),
                areas, List.of(), sections, decisions, List.of(), null);
    }

    private static ActivityDraft underWay(String activityId, UnderWay underWay) {
        return new ActivityDraft(new ActivityId(activityId), ActivityKind.ACTIVITY, activityTitle(activityId), null,
                RESPONSIBILITY, Timeline.years(2021, 2021), underWay);
    }

    @Test
    void recordsThePlansSectionsInTheirOrderWithTheAdoption() {
        fixture.givenNoPriorActivity()
                .when(adoptWith(SECTIONS, List.of(), List.of()))
                .expectEvents(new PlanAdoptedEvent(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, PlanPeriod.of(2021, 2024),
                        ADOPTED_ON, SECTIONS));
    }

    @Test
    void aSectionNeedsAHeadingAndATextWithinTheirLimits() {
        assertThatThrownBy(() -> new PlanSection(" ", "Planen gäller alla nämnder."))
                .hasMessage("section heading must not be blank");
        assertThatThrownBy(() -> new PlanSection("Syfte", null)).hasMessage("section text must not be blank");
        assertThatThrownBy(() -> new PlanSection("Syfte", "x".repeat(20_001)))
                .hasMessage("section text must be at most 20000 characters, but has 20001");
    }

    @Test
    void refusesMoreSectionsThanAnyPlanHas() {
        List<PlanSection> many = java.util.stream.IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new PlanSection("Avsnitt " + i, "Text")).toList();
        expectInvalid(fixture.givenNoPriorActivity().when(adoptWith(many, List.of(), List.of())),
                "sections must be at most 50, but are 51");
    }

    @Test
    void recordsTheAreasOwnNumbers() {
        AreaDraft first = new AreaDraft(new AreaId("natverkande"), areaName("natverkande"), null, List.of(), 1);
        AreaDraft second = new AreaDraft(new AreaId("upphandling"), areaName("upphandling"), null, List.of(), 2);
        fixture.givenNoPriorActivity()
                .when(adoptWith(List.of(), List.of(first, second), List.of()))
                .expectEvents(planAdopted(2021, 2024),
                        new AreaAddedEvent(PLAN_ID, new AreaId("natverkande"), areaName("natverkande"), null,
                                ADOPTED_ON, 1),
                        new AreaAddedEvent(PLAN_ID, new AreaId("upphandling"), areaName("upphandling"), null,
                                ADOPTED_ON, 2));
    }

    @Test
    void refusesAnAreaNumberThePlanAlreadyHas() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), new AreaAddedEvent(PLAN_ID, new AreaId(AREA),
                                areaName(AREA), null, ADOPTED_ON, 3))
                        .when(new AddAreaCommand(PLAN_ID, new AreaId("upphandling"), "Upphandling", null, TODAY, 3)),
                PlanRule.AREA_NUMBER_MUST_BE_UNIQUE, "already has an area number 3 (natverkande)");
    }

    @Test
    void refusesAnAreaNumberBelowOne() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(new AddAreaCommand(PLAN_ID, new AreaId("upphandling"), "Upphandling", null, TODAY, 0)),
                "area number must be from 1 to 999, but was 0");
    }

    @Test
    void recordsAnActivityUnderWaySinceADateAsStartedThatDay() {
        fixture.givenNoPriorActivity()
                .when(adoptWith(List.of(), List.of(new AreaDraft(new AreaId(AREA), areaName(AREA), null,
                        List.of(underWay(ACTIVITY, UnderWay.since(UNDER_WAY_SINCE))))), List.of()))
                .expectEvents(planAdopted(2021, 2024), areaAdded(AREA),
                        activityAdded(ACTIVITY, Timeline.years(2021, 2021)),
                        new ActivityStartedEvent(PLAN_ID, new ActivityId(ACTIVITY), UNDER_WAY_SINCE,
                                UnderWay.since(UNDER_WAY_SINCE)));
    }

    @Test
    void recordsAnActivityUnderWaySinceBeforeThePlanAsStartedOnTheAdoptionDay() {
        fixture.givenNoPriorActivity()
                .when(adoptWith(List.of(), List.of(new AreaDraft(new AreaId(AREA), areaName(AREA), null,
                        List.of(underWay(ACTIVITY, UnderWay.beforePlan())))), List.of()))
                .expectEvents(planAdopted(2021, 2024), areaAdded(AREA),
                        activityAdded(ACTIVITY, Timeline.years(2021, 2021)),
                        new ActivityStartedEvent(PLAN_ID, new ActivityId(ACTIVITY), ADOPTED_ON,
                                UnderWay.beforePlan()));
    }

    @Test
    void anActivityUnderWayAtAdoptionTakesProgressButCannotStartAgain() {
        ActivityStartedEvent underWay = new ActivityStartedEvent(PLAN_ID, new ActivityId(ACTIVITY), UNDER_WAY_SINCE,
                UnderWay.since(UNDER_WAY_SINCE));
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY), underWay)
                .when(reportProgress(ACTIVITY, ADOPTED_ON))
                .expectSuccessfulHandlerExecution();
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY), underWay)
                        .when(startActivity(ACTIVITY, TODAY)),
                PlanRule.ACTIVITY_CAN_BE_STARTED_ONCE, "was already started on 2020-05-01");
    }

    @Test
    void refusesAnActivityUnderWaySinceADayAfterTheAdoption() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptWith(List.of(), List.of(new AreaDraft(new AreaId(AREA), areaName(AREA), null,
                                List.of(underWay(ACTIVITY, UnderWay.since(ADOPTED_ON.plusDays(1)))))), List.of())),
                PlanRule.UNDER_WAY_DATE_MUST_NOT_FOLLOW_ADOPTION,
                "cannot have started on 2021-03-16");
    }

    @Test
    void underWayNeedsExactlyOneOfItsForms() {
        assertThatThrownBy(() -> new UnderWay(null, false))
                .hasMessageContaining("needs either the date it started (since) or sinceBeforePlan: true");
        assertThatThrownBy(() -> new UnderWay(UNDER_WAY_SINCE, true))
                .hasMessageContaining("not both");
    }

    @Test
    void recordsADecisionBeforeTheAdoptionWithThePlan() {
        DecisionDraft proposal = new DecisionDraft(new DecisionId("forslag-amn"), DecisionKind.PROPOSAL, PROPOSAL,
                PROPOSED_ON, "Nämnden föreslår planen");
        fixture.givenNoPriorActivity()
                .when(adoptWith(List.of(), List.of(), List.of(proposal)))
                .expectEvents(planAdopted(2021, 2024), new PlanDecisionRecordedEvent(PLAN_ID,
                        new DecisionId("forslag-amn"), DecisionKind.PROPOSAL, PROPOSAL, "Nämnden föreslår planen",
                        PROPOSED_ON));
    }
}
