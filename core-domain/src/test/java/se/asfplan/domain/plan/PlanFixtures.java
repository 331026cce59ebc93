package se.asfplan.domain.plan;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyNames;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AddActivityCommand;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.CancelActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ChangeActivityResponsibilityCommand;
import se.asfplan.domain.plan.PlanCommands.CompleteActivityCommand;
import se.asfplan.domain.plan.PlanCommands.GoalDraft;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanCommands.ReportGoalOutcomeCommand;
import se.asfplan.domain.plan.PlanCommands.RescheduleActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ReviseGoalCommand;
import se.asfplan.domain.plan.PlanCommands.RevisePlanCommand;
import se.asfplan.domain.plan.PlanCommands.SetGoalCommand;
import se.asfplan.domain.plan.PlanCommands.StartActivityCommand;
import se.asfplan.domain.plan.PlanCommands.WithdrawGoalCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCancelledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * Test data for the plan aggregate: a Stockholm action plan adopted on {@link #ADOPTED_ON}, looked at on
 * {@link #TODAY}. Every factory is named after what it makes; state is always built from events.
 */
final class PlanFixtures {

    static final PlanId PLAN_ID = new PlanId("stockholm-asf-2021");
    static final String TITLE = "Handlingsplan för arbetsintegrerande sociala företag";
    static final String MUNICIPALITY = "Stockholms stad";
    static final Decision ADOPTION = new Decision("Kommunfullmäktige", "KS 2020/1234", "§ 15");
    static final Decision GOAL_DECISION = new Decision("Kommunstyrelsen", "KS 2022/77", "§ 4");

    /** The day the plan was adopted; nothing in its history can lie before it. */
    static final LocalDate ADOPTED_ON = LocalDate.of(2021, 3, 15);
    static final LocalDate DAY_BEFORE_ADOPTION = ADOPTED_ON.minusDays(1);

    /** "Now" for every test: a Saturday morning in June, the same date in UTC and in Stockholm. */
    static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    static final String AREA = "natverkande";
    static final String ACTIVITY = "kartlagg-asf";
    static final String GOAL = "reserved-procurements-2023";
    static final LocalDate STARTED_ON = LocalDate.of(2022, 2, 1);
    static final LocalDate CLOSED_ON = LocalDate.of(2023, 11, 30);

    static final Responsibility RESPONSIBILITY =
            Responsibility.of("Stadsledningskontoret", "Stockholm Business Region (SBR)");
    static final Timeline WHOLE_PLAN = Timeline.years(2021, 2024);
    static final Target AT_LEAST_THREE = Target.atLeast(3, "st");

    private PlanFixtures() {
    }

    // ------------------------------------------------------------------------------------------- fixture, clock

    /** A clock stopped at {@link #NOW}. */
    static Clock fixedClock() {
        return clockAt(NOW);
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** An aggregate fixture for {@link Plan} whose "today" is {@link #TODAY}. */
    static AggregateTestFixture<Plan> planFixture() {
        return planFixture(fixedClock());
    }

    static AggregateTestFixture<Plan> planFixture(Clock clock) {
        AggregateTestFixture<Plan> fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(REGISTER);
        return fixture;
    }

    /** The parties in the register the plan fixtures see: {@link #REGISTERED_PARTY} only. */
    static final PartyId REGISTERED_PARTY = new PartyId("samordningsforbundet");
    static final PartyNames REGISTER = new PartyNames() {
        @Override
        public Optional<PartyId> partyNamed(String name) {
            return Optional.empty();
        }

        @Override
        public void name(PartyId party, String name) {
            throw new UnsupportedOperationException("a plan names no party");
        }

        @Override
        public boolean isRegistered(PartyId party) {
            return REGISTERED_PARTY.equals(party);
        }
    };

    // ------------------------------------------------------------------------------------------- refusals

    /** Matches a {@link RuleViolationException} that names the given rule. */
    static Matcher<RuleViolationException> violates(PlanRule rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException exception, Description mismatch) {
                if (exception.rule() != rule) {
                    mismatch.appendText("it violated ").appendValue(exception.rule());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of ").appendValue(rule);
            }
        };
    }

    /**
     * Expects the command to be refused for breaking {@code rule}, with a message containing {@code messagePart},
     * and nothing to be recorded.
     */
    static ResultValidator<Plan> expectRefusal(ResultValidator<Plan> result, PlanRule rule, String messagePart) {
        return result.expectException(RuleViolationException.class)
                .expectException(violates(rule))
                .expectExceptionMessage(containsString(messagePart))
                .expectNoEvents();
    }

    /** Expects the command to be rejected as invalid input, with a message naming the field, recording nothing. */
    static ResultValidator<Plan> expectInvalid(ResultValidator<Plan> result, String messagePart) {
        return result.expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString(messagePart))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------- events

    static PlanAdoptedEvent planAdopted(int fromYear, int toYear) {
        return planAdopted(PlanPeriod.of(fromYear, toYear));
    }

    static PlanAdoptedEvent planAdoptedOngoingFrom(int fromYear) {
        return planAdopted(PlanPeriod.ongoingFrom(fromYear));
    }

    static PlanAdoptedEvent planAdopted(PlanPeriod period) {
        return new PlanAdoptedEvent(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, period, ADOPTED_ON);
    }

    static AreaAddedEvent areaAdded(String areaId) {
        return new AreaAddedEvent(PLAN_ID, new AreaId(areaId), areaName(areaId), null, ADOPTED_ON);
    }

    static String areaName(String areaId) {
        return "Området " + areaId;
    }

    /** An activity in {@link #AREA} planned for the whole plan period 2021-2024. */
    static ActivityAddedEvent activityAdded(String activityId) {
        return activityAdded(activityId, WHOLE_PLAN);
    }

    static ActivityAddedEvent activityAdded(String activityId, Timeline timeline) {
        return new ActivityAddedEvent(PLAN_ID, new ActivityId(activityId), new AreaId(AREA), ActivityKind.ACTIVITY,
                activityTitle(activityId), null, RESPONSIBILITY, timeline, ADOPTED_ON);
    }

    static String activityTitle(String activityId) {
        return "Aktiviteten " + activityId;
    }

    static ActivityStartedEvent activityStarted(String activityId) {
        return new ActivityStartedEvent(PLAN_ID, new ActivityId(activityId), STARTED_ON);
    }

    static ActivityCompletedEvent activityCompleted(String activityId) {
        return new ActivityCompletedEvent(PLAN_ID, new ActivityId(activityId), null, CLOSED_ON);
    }

    static ActivityCancelledEvent activityCancelled(String activityId) {
        return new ActivityCancelledEvent(PLAN_ID, new ActivityId(activityId), "Ersatt av en annan aktivitet",
                CLOSED_ON);
    }

    /** A count goal of at least three for the given year, following no activity. */
    static GoalSetEvent goalSet(String goalId, int year) {
        return new GoalSetEvent(PLAN_ID, new GoalId(goalId), year, GoalKind.COUNT, "Reserverade upphandlingar",
                AT_LEAST_THREE, null, GOAL_DECISION, ADOPTED_ON, Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
    }

    static GoalSetEvent shareGoalSet(String goalId, int year, Target target) {
        return new GoalSetEvent(PLAN_ID, new GoalId(goalId), year, GoalKind.SHARE, "Andel ASF bland leverantörerna",
                target, null, GOAL_DECISION, ADOPTED_ON, null);
    }

    static GoalWithdrawnEvent goalWithdrawn(String goalId) {
        return new GoalWithdrawnEvent(PLAN_ID, new GoalId(goalId), "Målet ersätts", GOAL_DECISION, CLOSED_ON);
    }

    // ------------------------------------------------------------------------------------------- commands

    static AdoptPlanCommand adoptPlan(int fromYear, int toYear) {
        return adoptPlan(PlanPeriod.of(fromYear, toYear), ADOPTED_ON, List.of(), List.of());
    }

    static AdoptPlanCommand adoptPlan(PlanPeriod period, LocalDate adoptedOn, List<AreaDraft> areas,
                                      List<GoalDraft> goals) {
        return new AdoptPlanCommand(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, adoptedOn, period, areas, goals);
    }

    static AreaDraft areaDraft(String areaId, ActivityDraft... activities) {
        return new AreaDraft(new AreaId(areaId), areaName(areaId), null, List.of(activities));
    }

    static ActivityDraft activityDraft(String activityId, Timeline timeline) {
        return new ActivityDraft(new ActivityId(activityId), ActivityKind.ACTIVITY, activityTitle(activityId), null,
                RESPONSIBILITY, timeline);
    }

    static GoalDraft goalDraft(String goalId, int year) {
        return new GoalDraft(new GoalId(goalId), year, GoalKind.COUNT, "Reserverade upphandlingar", AT_LEAST_THREE,
                null, GOAL_DECISION, Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
    }

    static RevisePlanCommand revisePeriod(PlanPeriod period, LocalDate on) {
        return new RevisePlanCommand(PLAN_ID, null, period, ADOPTION, "Planen förlängs", on);
    }

    static AddAreaCommand addArea(String areaId, LocalDate on) {
        return new AddAreaCommand(PLAN_ID, new AreaId(areaId), areaName(areaId), null, on);
    }

    static AddActivityCommand addActivity(String activityId, Timeline timeline, LocalDate on) {
        return new AddActivityCommand(PLAN_ID, new ActivityId(activityId), new AreaId(AREA), ActivityKind.ACTIVITY,
                activityTitle(activityId), null, RESPONSIBILITY, timeline, on);
    }

    static StartActivityCommand startActivity(String activityId, LocalDate on) {
        return new StartActivityCommand(PLAN_ID, new ActivityId(activityId), on);
    }

    static ReportActivityProgressCommand reportProgress(String activityId, LocalDate on) {
        return new ReportActivityProgressCommand(PLAN_ID, new ActivityId(activityId), "Tre träffar hållna", on);
    }

    static RescheduleActivityCommand reschedule(String activityId, Timeline timeline, LocalDate on) {
        return new RescheduleActivityCommand(PLAN_ID, new ActivityId(activityId), timeline, "Försenad start", on);
    }

    static ChangeActivityResponsibilityCommand changeResponsibility(String activityId, Responsibility responsibility,
                                                                    LocalDate on) {
        return new ChangeActivityResponsibilityCommand(PLAN_ID, new ActivityId(activityId), responsibility,
                "Ny organisation", on);
    }

    static CompleteActivityCommand completeActivity(String activityId, LocalDate on) {
        return new CompleteActivityCommand(PLAN_ID, new ActivityId(activityId), "Klar", on);
    }

    static CancelActivityCommand cancelActivity(String activityId, LocalDate on) {
        return new CancelActivityCommand(PLAN_ID, new ActivityId(activityId), "Prioriteras bort", on);
    }

    static SetGoalCommand setGoal(String goalId, int year, LocalDate on) {
        return setGoal(goalId, year, GoalKind.COUNT, AT_LEAST_THREE, null, on);
    }

    /** A goal of the given kind with the measure that fits it ({@link #fittingMeasure}). */
    static SetGoalCommand setGoal(String goalId, int year, GoalKind kind, Target target, String activityId,
                                  LocalDate on) {
        return setGoal(goalId, year, kind, fittingMeasure(kind), target, activityId, on);
    }

    static SetGoalCommand setGoal(String goalId, int year, GoalKind kind, Measure measure, Target target,
                                  String activityId, LocalDate on) {
        return new SetGoalCommand(PLAN_ID, new GoalId(goalId), year, kind, "Reserverade upphandlingar", target,
                activityId == null ? null : new ActivityId(activityId), GOAL_DECISION, on, measure);
    }

    /** The measure the fixtures give a goal of each kind: reserved procurements for counts, none when by hand. */
    static Measure fittingMeasure(GoalKind kind) {
        return switch (kind) {
            case COUNT, CHANGE -> Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED;
            case COVERAGE -> Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE;
            case MILESTONE -> Measure.ACTIVITY_COMPLETED;
            case SHARE, MANUAL -> null;
        };
    }

    static ReportGoalOutcomeCommand reportOutcome(String goalId, String value, LocalDate on) {
        return new ReportGoalOutcomeCommand(PLAN_ID, new GoalId(goalId), new BigDecimal(value),
                "Enkät till Plusmedlemmar", on);
    }

    static ReviseGoalCommand reviseGoal(String goalId, Target target, LocalDate on) {
        return new ReviseGoalCommand(PLAN_ID, new GoalId(goalId), target, "Höjd ambition", GOAL_DECISION, on);
    }

    static WithdrawGoalCommand withdrawGoal(String goalId, LocalDate on) {
        return new WithdrawGoalCommand(PLAN_ID, new GoalId(goalId), "Målet ersätts", GOAL_DECISION, on);
    }

    static Target percent(String value) {
        return new Target(TargetComparator.AT_LEAST, new BigDecimal(value), "%");
    }
}
