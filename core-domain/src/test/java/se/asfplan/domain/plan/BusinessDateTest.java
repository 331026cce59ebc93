package se.asfplan.domain.plan;

import static org.junit.jupiter.api.Named.named;
import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;

/**
 * The business date every command carries: a calendar date in Europe/Stockholm that may be neither in the future
 * nor before the plan was adopted.
 */
class BusinessDateTest {

    private static final String NOT_STARTED = "ej-startad";
    private static final LocalDate NEW_YEARS_DAY = LocalDate.of(2025, 1, 1);

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    /** A plan with an area, a started and a not started activity, and a goal; every command below fits it. */
    private static Object[] aPlanInProgress() {
        return new Object[] {planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                activityStarted(ACTIVITY), activityAdded(NOT_STARTED), goalSet(GOAL, 2023)};
    }

    /** Every command after adoption, valid in {@link #aPlanInProgress()} except perhaps for its date. */
    static Stream<Arguments> everyCommandAfterAdoption() {
        return Stream.<Arguments>of(
                command("revise the plan", on -> revisePeriod(PlanPeriod.of(2021, 2025), on)),
                command("add an area", on -> addArea("upphandling", on)),
                command("add an activity", on -> addActivity("ny-aktivitet", null, on)),
                command("start an activity", on -> startActivity(NOT_STARTED, on)),
                command("report progress", on -> reportProgress(ACTIVITY, on)),
                command("reschedule an activity", on -> reschedule(ACTIVITY, Timeline.years(2022, 2024), on)),
                command("change responsibility",
                        on -> changeResponsibility(ACTIVITY, Responsibility.of("Arbetsmarknadsförvaltningen"), on)),
                command("complete an activity", on -> completeActivity(ACTIVITY, on)),
                command("cancel an activity", on -> cancelActivity(ACTIVITY, on)),
                command("set a goal", on -> setGoal("nytt-mal", 2024, on)),
                command("revise a goal", on -> reviseGoal(GOAL, Target.atLeast(5, "st"), on)),
                command("withdraw a goal", on -> withdrawGoal(GOAL, on)));
    }

    private static Arguments command(String name, Function<LocalDate, Object> commandOn) {
        return Arguments.of(named(name, commandOn));
    }

    @ParameterizedTest(name = "refuses to {0} dated tomorrow")
    @MethodSource("everyCommandAfterAdoption")
    void refusesACommandDatedTomorrow(Function<LocalDate, Object> commandOn) {
        expectRefusal(fixture.given(aPlanInProgress()).when(commandOn.apply(TOMORROW)),
                PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE,
                "The date 2024-06-16 lies in the future (today is 2024-06-15)");
    }

    @ParameterizedTest(name = "refuses to {0} dated the day before adoption")
    @MethodSource("everyCommandAfterAdoption")
    void refusesACommandDatedBeforeTheAdoption(Function<LocalDate, Object> commandOn) {
        expectRefusal(fixture.given(aPlanInProgress()).when(commandOn.apply(DAY_BEFORE_ADOPTION)),
                PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION,
                "The date 2021-03-14 lies before plan stockholm-asf-2021 was adopted on 2021-03-15");
    }

    @ParameterizedTest(name = "rejects a request to {0} without a date")
    @MethodSource("everyCommandAfterAdoption")
    void rejectsACommandWithoutADate(Function<LocalDate, Object> commandOn) {
        expectInvalid(fixture.given(aPlanInProgress()).when(commandOn.apply(null)), "occurredOn must be given");
    }

    @Test
    void recordsWhatHappenedToday() {
        fixture.given(aPlanInProgress())
                .when(startActivity(NOT_STARTED, TODAY))
                .expectEvents(new ActivityStartedEvent(PLAN_ID, new ActivityId(NOT_STARTED), TODAY));
    }

    @Test
    void recordsWhatHappenedOnTheAdoptionDay() {
        fixture.given(aPlanInProgress())
                .when(addArea("upphandling", ADOPTED_ON))
                .expectEvents(new AreaAddedEvent(PLAN_ID, new AreaId("upphandling"), areaName("upphandling"), null,
                        ADOPTED_ON));
    }

    @Test
    void recordsNewYearsDayWhenItIsAlreadyNewYearInStockholmButNotInUtc() {
        planFixture(clockAt(Instant.parse("2024-12-31T23:30:00Z")))
                .given(planAdopted(2021, 2025), areaAdded(AREA), activityAdded(NOT_STARTED))
                .when(startActivity(NOT_STARTED, NEW_YEARS_DAY))
                .expectEvents(new ActivityStartedEvent(PLAN_ID, new ActivityId(NOT_STARTED), NEW_YEARS_DAY));
    }

    @Test
    void refusesNewYearsDayWhileItIsStillNewYearsEveInStockholm() {
        expectRefusal(planFixture(clockAt(Instant.parse("2024-12-31T22:59:59Z")))
                        .given(planAdopted(2021, 2025), areaAdded(AREA), activityAdded(NOT_STARTED))
                        .when(startActivity(NOT_STARTED, NEW_YEARS_DAY)),
                PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE,
                "The date 2025-01-01 lies in the future (today is 2024-12-31)");
    }

    @Test
    void countsTheDateInSwedishSummerTime() {
        planFixture(clockAt(Instant.parse("2024-06-15T22:30:00Z")))
                .given(aPlanInProgress())
                .when(startActivity(NOT_STARTED, TOMORROW))
                .expectEvents(new ActivityStartedEvent(PLAN_ID, new ActivityId(NOT_STARTED), TOMORROW));
    }
}
