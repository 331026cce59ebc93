package se.asfplan.projections.goalreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;
import se.asfplan.projections.goalreport.GoalReportFact.Recording;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalStatus;

/** The yearly goal report folded from facts: targets in force, outcomes per kind, status, and the events behind. */
class GoalReportFoldTest {

    private static final String PLAN = "stockholm-asf-2021";
    private static final Measure RESERVED_BEGUN = Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** Facts in the order recorded: each gets the next position, recorded one hour after the one before. */
    private final List<GoalReportFact> facts = new ArrayList<>();

    private Recording next() {
        long index = facts.size() + 1;
        return new Recording("event-" + index, index, START.plusSeconds(3600 * index), "coordinator");
    }

    private GoalReportFact add(GoalReportFact fact) {
        facts.add(fact);
        return fact;
    }

    private GoalReportFact goal(String goalId, int year, GoalKind kind, Measure measure, Target target) {
        return goal(PLAN, goalId, year, kind, measure, target, null);
    }

    private GoalReportFact goal(String planId, String goalId, int year, GoalKind kind, Measure measure,
                                Target target, String activityId) {
        return add(GoalReportFact.goalSet(next(), planId, goalId, year, kind, measure, "Indikator", activityId, target,
                LocalDate.of(year, 1, 10)));
    }

    /** A fact of a procurement of its own. */
    private GoalReportFact fact(FactType type, LocalDate on) {
        return add(GoalReportFact.procurementFact(next(), type, "procurement-" + (facts.size() + 1), on));
    }

    private GoalReportFact enterprise(FactType type, String enterpriseId, Boolean countsAsAsf, String level,
                                      LocalDate on) {
        return add(GoalReportFact.enterpriseFact(next(), type, enterpriseId, countsAsAsf, level, on));
    }

    private List<GoalReportRow> report(int year, Instant asOf) {
        return GoalReportFold.fold(facts, PLAN, year, asOf, TODAY);
    }

    private GoalReportRow only(int year) {
        List<GoalReportRow> rows = report(year, null);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<Long> positions(GoalReportFact... made) {
        return List.of(made).stream().map(GoalReportFact::globalIndex).toList();
    }

    // ------------------------------------------------------------------------------------------- count

    @Test
    void meetsACountGoalWithExactlyTheTargetAndListsTheEventsCounted() {
        goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(3, "st"));
        GoalReportFact first = fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 1, 1));
        GoalReportFact second = fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 6, 1));
        GoalReportFact third = fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 12, 31));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("3");
        assertThat(row.status()).isEqualTo(GoalStatus.MET);
        assertThat(row.events()).isEqualTo(positions(first, second, third));
        assertThat(row.eventIds()).containsExactly(first.eventId(), second.eventId(), third.eventId());
        assertThat(row.target()).isEqualTo(Target.atLeast(3, "st"));
    }

    @Test
    void doesNotMeetACountGoalOneShortOfTheTarget() {
        goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(3, "st"));
        fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 3, 1));
        fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 4, 1));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("2");
        assertThat(row.status()).isEqualTo(GoalStatus.NOT_MET);
    }

    @Test
    void countsOnlyTheMeasuredFactsDatedInTheYear() {
        goal("delade-2023", 2023, GoalKind.COUNT, Measure.PROCUREMENTS_DIVIDED_INTO_LOTS, Target.atLeast(1, "st"));
        fact(FactType.PROCUREMENT_DIVIDED_INTO_LOTS, LocalDate.of(2022, 12, 31));
        GoalReportFact inYear = fact(FactType.PROCUREMENT_DIVIDED_INTO_LOTS, LocalDate.of(2023, 5, 5));
        fact(FactType.PROCUREMENT_DIVIDED_INTO_LOTS, LocalDate.of(2024, 1, 1));
        fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 5, 5));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("1");
        assertThat(row.events()).isEqualTo(positions(inYear));
    }

    @Test
    void countsEachCountMeasuresOwnFact() {
        goal("ip-2023", 2023, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_INVITATIONS, Target.atLeast(1, "st"));
        goal("ref-2023", 2023, GoalKind.COUNT, Measure.REFERENCE_GROUP_INVITATIONS, Target.atLeast(1, "st"));
        goal("dialog-2023", 2023, GoalKind.COUNT, Measure.BUSINESS_DIALOGUE_INVITATIONS, Target.atLeast(1, "st"));
        goal("rad-2023", 2023, GoalKind.COUNT, Measure.BUSINESS_ADVICE_TO_ASF, Target.atLeast(1, "st"));
        goal("evenemang-2023", 2023, GoalKind.COUNT, Measure.EVENT_PARTICIPATIONS, Target.atLeast(1, "st"));
        goal("avtal-2023", 2023, GoalKind.COUNT, Measure.CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE,
                Target.atLeast(1, "st"));
        LocalDate on = LocalDate.of(2023, 9, 1);
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-1", true, null, LocalDate.of(2023, 1, 1));
        GoalReportFact ip = enterprise(FactType.IP_INVITED, "asf-1", null, null, on);
        GoalReportFact ref = enterprise(FactType.REFERENCE_GROUP_INVITED, "asf-1", null, null, on);
        GoalReportFact dialog = enterprise(FactType.BUSINESS_DIALOGUE_INVITED, "asf-1", null, null, on);
        GoalReportFact advice = enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "asf-1", null, null, on);
        GoalReportFact event = enterprise(FactType.EVENT_PARTICIPATION, "asf-1", null, null, on);
        GoalReportFact award = fact(FactType.CONTRACT_AWARDED_TO_ASF, on);

        assertThat(report(2023, null)).extracting(GoalReportRow::goalId, GoalReportRow::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple("avtal-2023", positions(award)),
                org.assertj.core.groups.Tuple.tuple("dialog-2023", positions(dialog)),
                org.assertj.core.groups.Tuple.tuple("evenemang-2023", positions(event)),
                org.assertj.core.groups.Tuple.tuple("ip-2023", positions(ip)),
                org.assertj.core.groups.Tuple.tuple("rad-2023", positions(advice)),
                org.assertj.core.groups.Tuple.tuple("ref-2023", positions(ref)));
    }

    @Test
    void countsOnlyWhatHappenedToAKnownAsfOnThatDay() {
        goal("rad-2023", 2023, GoalKind.COUNT, Measure.BUSINESS_ADVICE_TO_ASF, Target.atLeast(1, "st"));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf", true, null, LocalDate.of(2023, 2, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "not-asf", false, null, LocalDate.of(2023, 1, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "became-asf", false, null, LocalDate.of(2023, 1, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "became-asf", true, null, LocalDate.of(2023, 6, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "closed", true, null, LocalDate.of(2023, 1, 1));
        enterprise(FactType.ENTERPRISE_CLOSED, "closed", null, null, LocalDate.of(2023, 5, 1));
        enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "asf", null, null, LocalDate.of(2023, 1, 15)); // before
        GoalReportFact counted = enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "asf", null, null,
                LocalDate.of(2023, 2, 1));
        enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "not-asf", null, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "became-asf", null, null, LocalDate.of(2023, 5, 31));
        GoalReportFact afterBecoming = enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "became-asf", null, null,
                LocalDate.of(2023, 6, 1));
        GoalReportFact beforeClosing = enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "closed", null, null,
                LocalDate.of(2023, 4, 30));
        enterprise(FactType.BUSINESS_ADVICE_RECEIVED, "closed", null, null, LocalDate.of(2023, 5, 1));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("3");
        assertThat(row.events()).isEqualTo(positions(counted, beforeClosing, afterBecoming).stream().sorted()
                .toList());
    }

    // ------------------------------------------------------------------------------------------- status

    @Test
    void keepsAGoalOfTheCurrentYearNotYetMetInProgress() {
        goal("reserverade-2025", 2025, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(3, "st"));
        fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2025, 2, 1));

        assertThat(only(2025).status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    void meetsAnAtLeastGoalOfTheCurrentYearOnceReached() {
        goal("reserverade-2025", 2025, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(1, "st"));
        fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2025, 2, 1));

        assertThat(only(2025).status()).isEqualTo(GoalStatus.MET);
    }

    @Test
    void keepsAnAtMostGoalOfTheCurrentYearInProgressWhileItHolds() {
        goal("hogst-2025", 2025, GoalKind.COUNT, RESERVED_BEGUN,
                new Target(TargetComparator.AT_MOST, BigDecimal.valueOf(2), "st"));

        GoalReportRow row = only(2025);

        assertThat(row.outcome()).isEqualByComparingTo("0");
        assertThat(row.status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    // ------------------------------------------------------------------------------------------- as of

    @Test
    void leavesOutFactsRecordedAfterAsOf() {
        goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(2, "st"));
        GoalReportFact early = fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 3, 1));
        GoalReportFact lateRecorded = fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 2, 1));

        GoalReportRow then = report(2023, early.recordedAt()).get(0);
        GoalReportRow now = report(2023, lateRecorded.recordedAt()).get(0);

        assertThat(then.outcome()).isEqualByComparingTo("1");
        assertThat(then.status()).isEqualTo(GoalStatus.NOT_MET);
        assertThat(then.events()).isEqualTo(positions(early));
        assertThat(now.outcome()).isEqualByComparingTo("2");
        assertThat(now.status()).isEqualTo(GoalStatus.MET);
    }

    @Test
    void leavesOutAGoalSetAfterAsOf() {
        GoalReportFact set = goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN,
                Target.atLeast(2, "st"));

        assertThat(report(2023, set.recordedAt().minusSeconds(1))).isEmpty();
        assertThat(report(2023, set.recordedAt())).hasSize(1);
    }

    @Test
    void holdsTheTargetInForceAsOfAMomentWithItsHistory() {
        GoalReportFact set = goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN,
                Target.atLeast(1, "st"));
        fact(FactType.RESERVED_PROCUREMENT_BEGUN, LocalDate.of(2023, 3, 1));
        GoalReportFact revised = add(GoalReportFact.goalRevised(next(), PLAN, "reserverade-2023",
                Target.atLeast(3, "st"), "Höjd ambition", LocalDate.of(2023, 4, 1)));

        GoalReportRow before = report(2023, revised.recordedAt().minusSeconds(1)).get(0);
        GoalReportRow after = report(2023, null).get(0);

        assertThat(before.target()).isEqualTo(Target.atLeast(1, "st"));
        assertThat(before.targetHistory()).extracting(version -> version.event()).containsExactly(set.globalIndex());
        assertThat(before.status()).isEqualTo(GoalStatus.MET);
        assertThat(after.target()).isEqualTo(Target.atLeast(3, "st"));
        assertThat(after.targetHistory()).extracting(version -> version.target(), version -> version.reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Target.atLeast(1, "st"), null),
                        org.assertj.core.groups.Tuple.tuple(Target.atLeast(3, "st"), "Höjd ambition"));
        assertThat(after.status()).isEqualTo(GoalStatus.NOT_MET);
    }

    @Test
    void leavesOutAWithdrawnGoalButNotAsOfBeforeTheWithdrawal() {
        goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(1, "st"));
        GoalReportFact withdrawn = add(GoalReportFact.goalWithdrawn(next(), PLAN, "reserverade-2023",
                LocalDate.of(2023, 5, 1)));

        assertThat(report(2023, null)).isEmpty();
        assertThat(report(2023, withdrawn.recordedAt().minusSeconds(1))).hasSize(1);
    }

    @Test
    void holdsOnlyThePlansGoalsForTheYear() {
        goal("reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(1, "st"));
        goal("reserverade-2024", 2024, GoalKind.COUNT, RESERVED_BEGUN, Target.atLeast(1, "st"));
        goal("annan-plan", "reserverade-2023", 2023, GoalKind.COUNT, RESERVED_BEGUN,
                Target.atLeast(1, "st"), null);

        assertThat(report(2023, null)).extracting(GoalReportRow::goalId).containsExactly("reserverade-2023");
    }

    // ------------------------------------------------------------------------------------------- change

    @Test
    void meetsAChangeGoalWhenTheYearExceedsThePreviousByTheTarget() {
        goal("fler-evenemang-2024", 2024, GoalKind.CHANGE, Measure.EVENT_PARTICIPATIONS, Target.atLeast(1, "st"));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-1", true, null, LocalDate.of(2022, 1, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-2", true, null, LocalDate.of(2022, 1, 1));
        GoalReportFact before = enterprise(FactType.EVENT_PARTICIPATION, "asf-1", null, null, LocalDate.of(2023, 5, 1));
        GoalReportFact first = enterprise(FactType.EVENT_PARTICIPATION, "asf-1", null, null, LocalDate.of(2024, 5, 1));
        GoalReportFact second = enterprise(FactType.EVENT_PARTICIPATION, "asf-2", null, null, LocalDate.of(2024, 6, 1));

        GoalReportRow row = only(2024);

        assertThat(row.outcome()).isEqualByComparingTo("1");
        assertThat(row.previousOutcome()).isEqualByComparingTo("1");
        assertThat(row.status()).isEqualTo(GoalStatus.MET);
        assertThat(row.events()).isEqualTo(positions(before, first, second));
    }

    @Test
    void doesNotMeetAnIncreaseGoalWhenTheYearEqualsThePrevious() {
        goal("fler-evenemang-2024", 2024, GoalKind.CHANGE, Measure.EVENT_PARTICIPATIONS, Target.atLeast(1, "st"));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-1", true, null, LocalDate.of(2022, 1, 1));
        enterprise(FactType.EVENT_PARTICIPATION, "asf-1", null, null, LocalDate.of(2023, 5, 1));
        enterprise(FactType.EVENT_PARTICIPATION, "asf-1", null, null, LocalDate.of(2024, 5, 1));

        GoalReportRow row = only(2024);

        assertThat(row.outcome()).isEqualByComparingTo("0");
        assertThat(row.status()).isEqualTo(GoalStatus.NOT_MET);
    }

    @Test
    void comparesTheYearEndMembersOfAChangeGoalWithThoseOfThePreviousYearEnd() {
        goal("fler-plus-2024", 2024, GoalKind.CHANGE, Measure.PLUS_AND_JOBBPARTNER_ASF, Target.atLeast(1, "st"));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-1", true, null, LocalDate.of(2022, 3, 1));
        GoalReportFact plus = enterprise(FactType.IP_MEMBERSHIP, "asf-1", null, "plusmedlem", LocalDate.of(2022, 5, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-2", true, null, LocalDate.of(2023, 3, 1));
        GoalReportFact partner = enterprise(FactType.IP_MEMBERSHIP, "asf-2", null, "jobbpartner",
                LocalDate.of(2024, 4, 1));

        GoalReportRow row = only(2024);

        assertThat(row.outcome()).isEqualByComparingTo("1");
        assertThat(row.previousOutcome()).isEqualByComparingTo("1");
        assertThat(row.status()).isEqualTo(GoalStatus.MET);
        assertThat(row.events()).as("a membership counted in both years is listed once")
                .isEqualTo(positions(plus, partner));
    }

    // ------------------------------------------------------------------------------------------- coverage

    @Test
    void coversTheKnownAsfInvitedByYearEnd() {
        goal("alla-inbjudna-2023", 2023, GoalKind.COVERAGE, Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE,
                new Target(TargetComparator.AT_LEAST, BigDecimal.valueOf(100), "%"));
        GoalReportFact firstAsf = enterprise(FactType.ENTERPRISE_DETAILS, "asf-1", true, null, LocalDate.of(2022, 3, 1));
        GoalReportFact invitedEarlier = enterprise(FactType.IP_INVITED, "asf-1", null, null, LocalDate.of(2022, 4, 1));
        GoalReportFact secondAsf = enterprise(FactType.ENTERPRISE_DETAILS, "asf-2", true, null, LocalDate.of(2023, 3, 1));
        GoalReportFact thirdAsf = enterprise(FactType.ENTERPRISE_DETAILS, "asf-3", true, null, LocalDate.of(2023, 3, 1));
        GoalReportFact invited = enterprise(FactType.IP_INVITED, "asf-3", null, null, LocalDate.of(2023, 12, 31));
        enterprise(FactType.IP_INVITED, "asf-2", null, null, LocalDate.of(2024, 1, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "inte-asf", false, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "stangd", true, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.ENTERPRISE_CLOSED, "stangd", null, null, LocalDate.of(2023, 12, 31));
        enterprise(FactType.ENTERPRISE_DETAILS, "ny-2024", true, null, LocalDate.of(2024, 1, 2));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("66.67");
        assertThat(row.status()).isEqualTo(GoalStatus.NOT_MET);
        assertThat(row.events()).isEqualTo(positions(firstAsf, invitedEarlier, secondAsf, thirdAsf, invited));
    }

    @Test
    void hasNoCoverageOutcomeWithoutKnownAsf() {
        goal("alla-inbjudna-2023", 2023, GoalKind.COVERAGE, Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE,
                new Target(TargetComparator.AT_LEAST, BigDecimal.valueOf(100), "%"));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isNull();
        assertThat(row.status()).isEqualTo(GoalStatus.NOT_MET);
        assertThat(row.events()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- members

    @Test
    void countsTheKnownAsfThatArePlusmedlemOrJobbpartnerAtYearEnd() {
        goal("plus-2023", 2023, GoalKind.COUNT, Measure.PLUS_AND_JOBBPARTNER_ASF, Target.atLeast(2, "st"));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-1", true, null, LocalDate.of(2022, 3, 1));
        GoalReportFact plus = enterprise(FactType.IP_MEMBERSHIP, "asf-1", null, "plusmedlem", LocalDate.of(2022, 5, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-2", true, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.IP_MEMBERSHIP, "asf-2", null, "jobbpartner", LocalDate.of(2023, 4, 1));
        enterprise(FactType.IP_LEFT, "asf-2", null, null, LocalDate.of(2023, 11, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-3", true, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.IP_MEMBERSHIP, "asf-3", null, "member", LocalDate.of(2023, 4, 1));
        enterprise(FactType.ENTERPRISE_DETAILS, "asf-4", true, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.IP_MEMBERSHIP, "asf-4", null, "member", LocalDate.of(2023, 4, 1));
        GoalReportFact raised = enterprise(FactType.IP_MEMBERSHIP, "asf-4", null, "jobbpartner",
                LocalDate.of(2023, 12, 31));
        enterprise(FactType.ENTERPRISE_DETAILS, "inte-asf", false, null, LocalDate.of(2023, 3, 1));
        enterprise(FactType.IP_MEMBERSHIP, "inte-asf", null, "plusmedlem", LocalDate.of(2023, 4, 1));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("2");
        assertThat(row.status()).isEqualTo(GoalStatus.MET);
        assertThat(row.events()).isEqualTo(positions(plus, raised));
    }

    // ------------------------------------------------------------------------------------------- milestone

    @Test
    void meetsAMilestoneWhenTheActivityWasCompletedInTheYear() {
        goal(PLAN, "aktivitetsplan-2023", 2023, GoalKind.MILESTONE, Measure.ACTIVITY_COMPLETED,
                new Target(TargetComparator.EXACTLY, BigDecimal.ONE, "plan"), "aktivitetsplan");
        add(GoalReportFact.activityCompleted(next(), "annan-plan", "aktivitetsplan", LocalDate.of(2023, 5, 1)));
        GoalReportFact completed = add(GoalReportFact.activityCompleted(next(), PLAN, "aktivitetsplan",
                LocalDate.of(2023, 11, 30)));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("1");
        assertThat(row.status()).isEqualTo(GoalStatus.MET);
        assertThat(row.events()).isEqualTo(positions(completed));
    }

    @Test
    void doesNotMeetAMilestoneCompletedInTheNextYear() {
        goal(PLAN, "aktivitetsplan-2023", 2023, GoalKind.MILESTONE, Measure.ACTIVITY_COMPLETED,
                new Target(TargetComparator.EXACTLY, BigDecimal.ONE, "plan"), "aktivitetsplan");
        add(GoalReportFact.activityCompleted(next(), PLAN, "aktivitetsplan", LocalDate.of(2024, 1, 15)));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isEqualByComparingTo("0");
        assertThat(row.status()).isEqualTo(GoalStatus.NOT_MET);
        assertThat(row.events()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- manual and share

    @Test
    void takesTheLatestReportedFigureWithItsSource() {
        goal("andel-plus-2023", 2023, GoalKind.SHARE, null,
                new Target(TargetComparator.AT_LEAST, BigDecimal.valueOf(20), "%"));
        GoalReportFact draft = add(GoalReportFact.outcomeReported(next(), PLAN, "andel-plus-2023", 2023,
                new BigDecimal("18"), "Utkast", LocalDate.of(2024, 1, 20)));
        GoalReportFact corrected = add(GoalReportFact.outcomeReported(next(), PLAN, "andel-plus-2023", 2023,
                new BigDecimal("21.5"), "Enkät till Plusmedlemmar", LocalDate.of(2024, 2, 1)));

        GoalReportRow now = only(2023);
        GoalReportRow then = report(2023, draft.recordedAt()).get(0);

        assertThat(now.outcome()).isEqualByComparingTo("21.5");
        assertThat(now.source()).isEqualTo("Enkät till Plusmedlemmar");
        assertThat(now.status()).isEqualTo(GoalStatus.MET);
        assertThat(now.events()).isEqualTo(positions(corrected));
        assertThat(then.outcome()).isEqualByComparingTo("18");
        assertThat(then.status()).isEqualTo(GoalStatus.NOT_MET);
    }

    @Test
    void hasNoManualOutcomeUntilOneIsReported() {
        goal("arbetstraning-2023", 2023, GoalKind.MANUAL, null, Target.atLeast(10, "platser"));

        GoalReportRow row = only(2023);

        assertThat(row.outcome()).isNull();
        assertThat(row.source()).isNull();
        assertThat(row.status()).isEqualTo(GoalStatus.NOT_MET);
    }
}
