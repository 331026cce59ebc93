package se.asfplan.domain.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.round.RoundCommands.ApproveAssessmentCommand;
import se.asfplan.domain.round.RoundCommands.CloseFollowUpRoundCommand;
import se.asfplan.domain.round.RoundCommands.MarkAssessmentUnansweredCommand;
import se.asfplan.domain.round.RoundCommands.OpenFollowUpRoundCommand;
import se.asfplan.domain.round.RoundCommands.ReturnAssessmentCommand;
import se.asfplan.domain.round.RoundCommands.SubmitAssessmentCommand;
import se.asfplan.domain.round.RoundEvents.AssessmentApprovedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentMarkedUnansweredEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentReturnedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentSubmittedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundClosedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundOpenedEvent;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * A follow-up round's lifecycle: opened with its items and reporters, assessed by each item's reporter, returned or
 * approved by the coordination function or marked unanswered, and closed only when every item is settled; closing
 * fixes the presented report with its checksum, and nothing changes afterwards.
 */
class FollowUpRoundTest {

    private static final RoundId ROUND = new RoundId("sthlm-arsredovisning-2023");
    private static final PlanId PLAN = new PlanId("stockholm-asf-2021");
    private static final RoundSubject ACTIVITY = new RoundSubject(RoundSubject.Kind.ACTIVITY, "natverk");
    private static final RoundSubject GOAL = new RoundSubject(RoundSubject.Kind.GOAL, "ip-medlemmar-2023");
    private static final String AMN = "Arbetsmarknadsnämnden";
    private static final String SLK = "Stadsledningskontoret";
    private static final LocalDate CUT_OFF = LocalDate.of(2023, 12, 31);
    private static final LocalDate DEADLINE = LocalDate.of(2024, 1, 31);
    private static final LocalDate ON = LocalDate.of(2024, 1, 10);
    private static final String REPORT = "{\"plan\":\"stockholm-asf-2021\",\"year\":2023,\"goals\":[]}";

    private AggregateTestFixture<FollowUpRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUpRound.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-02-15T10:00:00Z"), ZoneOffset.UTC));
    }

    /** Matches a refusal that names the given rule. */
    private static Matcher<RuleViolationException> violates(RoundRule rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException exception, Description mismatch) {
                mismatch.appendText("it violated ").appendValue(exception.rule());
                return exception.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of ").appendValue(rule);
            }
        };
    }

    private static FollowUpRoundOpenedEvent opened() {
        return new FollowUpRoundOpenedEvent(ROUND, PLAN, "Årsredovisning 2023", RoundKind.ANNUAL, CUT_OFF, DEADLINE,
                List.of(new RoundItem(ACTIVITY, AMN), new RoundItem(GOAL, SLK)), ON);
    }

    private static AssessmentSubmittedEvent submitted(RoundSubject subject, String reporter) {
        return new AssessmentSubmittedEvent(ROUND, subject, reporter, AssessmentStatus.ON_TRACK, "Som planerat",
                null, null, ON);
    }

    @Test
    void aRoundOpensWithItsItemsAndReporters() {
        fixture.givenNoPriorActivity()
                .when(new OpenFollowUpRoundCommand(ROUND, PLAN, " Årsredovisning 2023 ", RoundKind.ANNUAL, CUT_OFF,
                        DEADLINE, List.of(new RoundItem(ACTIVITY, AMN), new RoundItem(GOAL, SLK)), ON))
                .expectEvents(opened());
    }

    @Test
    void aRoundOpensOnceNeedsItemsListsEachOnceAndADeadlineAfterTheCutOff() {
        fixture.given(opened())
                .when(new OpenFollowUpRoundCommand(ROUND, PLAN, "Igen", RoundKind.ANNUAL, CUT_OFF, DEADLINE,
                        List.of(new RoundItem(ACTIVITY, AMN)), ON))
                .expectNoEvents().expectException(violates(RoundRule.ROUND_CAN_BE_OPENED_ONCE));
        refusedOpening(List.of(), DEADLINE, RoundRule.ROUND_MUST_COVER_SOMETHING);
        refusedOpening(List.of(new RoundItem(ACTIVITY, AMN), new RoundItem(ACTIVITY, SLK)), DEADLINE,
                RoundRule.SUBJECT_LISTED_ONCE_PER_ROUND);
        refusedOpening(List.of(new RoundItem(ACTIVITY, AMN)), CUT_OFF.minusDays(1),
                RoundRule.DEADLINE_MUST_NOT_BE_BEFORE_CUT_OFF);
    }

    private void refusedOpening(List<RoundItem> items, LocalDate deadline, RoundRule rule) {
        fixture.givenNoPriorActivity()
                .when(new OpenFollowUpRoundCommand(ROUND, PLAN, "Årsredovisning 2023", RoundKind.ANNUAL, CUT_OFF,
                        deadline, items, ON))
                .expectNoEvents().expectException(violates(rule));
    }

    @Test
    void theItemsReporterSubmitsAnAssessmentWithAFigureAndItsSource() {
        fixture.given(opened())
                .when(new SubmitAssessmentCommand(ROUND, GOAL, "stadsledningskontoret", AssessmentStatus.PARTLY_ON_TRACK,
                        "Fler medlemmar än väntat", new BigDecimal("14"), "Integrationspaktens medlemslista", ON))
                .expectEvents(new AssessmentSubmittedEvent(ROUND, GOAL, SLK, AssessmentStatus.PARTLY_ON_TRACK,
                        "Fler medlemmar än väntat", new BigDecimal("14"), "Integrationspaktens medlemslista", ON));
    }

    @Test
    void aReporterCannotAssessWhatIsNotTheirsNorAFigureWithoutASourceNorSomethingOutsideTheRound() {
        refusedSubmission(new SubmitAssessmentCommand(ROUND, ACTIVITY, SLK, AssessmentStatus.ON_TRACK, null, null,
                null, ON), RoundRule.ONLY_THE_ITEMS_REPORTER_ASSESSES);
        refusedSubmission(new SubmitAssessmentCommand(ROUND, GOAL, SLK, AssessmentStatus.ON_TRACK, null,
                BigDecimal.TEN, null, ON), RoundRule.FIGURE_NEEDS_ITS_SOURCE);
        refusedSubmission(new SubmitAssessmentCommand(ROUND, new RoundSubject(RoundSubject.Kind.GOAL, "annat-mal"),
                SLK, AssessmentStatus.ON_TRACK, null, null, null, ON), RoundRule.SUBJECT_MUST_BE_IN_THE_ROUND);
    }

    private void refusedSubmission(Object command, RoundRule rule) {
        fixture.given(opened()).when(command).expectNoEvents()
                .expectException(violates(rule));
    }

    @Test
    void aSubmittedAssessmentIsReturnedThenSubmittedAgainAndApproved() {
        fixture.given(opened(), submitted(ACTIVITY, AMN))
                .when(new ReturnAssessmentCommand(ROUND, ACTIVITY, "Beskriv vad som återstår", ON))
                .expectEvents(new AssessmentReturnedEvent(ROUND, ACTIVITY, "Beskriv vad som återstår", ON));
        fixture.given(opened(), submitted(ACTIVITY, AMN),
                        new AssessmentReturnedEvent(ROUND, ACTIVITY, "Beskriv vad som återstår", ON))
                .when(new SubmitAssessmentCommand(ROUND, ACTIVITY, AMN, AssessmentStatus.NOT_ON_TRACK, "Försenad",
                        null, null, ON))
                .expectEvents(new AssessmentSubmittedEvent(ROUND, ACTIVITY, AMN, AssessmentStatus.NOT_ON_TRACK,
                        "Försenad", null, null, ON));
        fixture.given(opened(), submitted(ACTIVITY, AMN))
                .when(new ApproveAssessmentCommand(ROUND, ACTIVITY, null, ON))
                .expectEvents(new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON));
    }

    @Test
    void approvingTwiceOrWhatWasNotSubmittedAndResubmittingBeforeReviewAreRefused() {
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new ApproveAssessmentCommand(ROUND, ACTIVITY, null, ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED));
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new SubmitAssessmentCommand(ROUND, ACTIVITY, AMN, AssessmentStatus.ON_TRACK, null, null, null,
                        ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED));
        fixture.given(opened())
                .when(new ApproveAssessmentCommand(ROUND, ACTIVITY, null, ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_MUST_BE_SUBMITTED_FIRST));
        fixture.given(opened(), submitted(ACTIVITY, AMN))
                .when(new SubmitAssessmentCommand(ROUND, ACTIVITY, AMN, AssessmentStatus.ON_TRACK, null, null, null,
                        ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_AWAITS_REVIEW));
    }

    @Test
    void theRoundClosesOnlyWhenEveryItemIsApprovedOrMarkedUnanswered() {
        String checksum = FollowUpRound.sha256(REPORT);
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new CloseFollowUpRoundCommand(ROUND, REPORT, checksum, 120, ON)).expectNoEvents()
                .expectException(violates(RoundRule.ROUND_CANNOT_CLOSE_WITH_UNSETTLED_ITEMS));
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON),
                        submitted(GOAL, SLK))
                .when(new CloseFollowUpRoundCommand(ROUND, REPORT, checksum, 120, ON)).expectNoEvents()
                .expectException(violates(RoundRule.ROUND_CANNOT_CLOSE_WITH_UNSETTLED_ITEMS));
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new MarkAssessmentUnansweredCommand(ROUND, GOAL, "Inget svar före sista dag", ON))
                .expectEvents(new AssessmentMarkedUnansweredEvent(ROUND, GOAL, "Inget svar före sista dag", ON));
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON),
                        new AssessmentMarkedUnansweredEvent(ROUND, GOAL, "Inget svar före sista dag", ON))
                .when(new CloseFollowUpRoundCommand(ROUND, REPORT, checksum.toUpperCase(), 120, ON))
                .expectEvents(new FollowUpRoundClosedEvent(ROUND, REPORT, checksum, 120, ON));
    }

    @Test
    void aReportWhoseChecksumDoesNotMatchIsRefused() {
        fixture.given(opened(), new AssessmentMarkedUnansweredEvent(ROUND, ACTIVITY, "Inget svar", ON),
                        new AssessmentMarkedUnansweredEvent(ROUND, GOAL, "Inget svar", ON))
                .when(new CloseFollowUpRoundCommand(ROUND, REPORT, FollowUpRound.sha256(REPORT + " "), 120, ON))
                .expectNoEvents().expectException(violates(RoundRule.PRESENTED_REPORT_CHECKSUM_MUST_MATCH));
        assertThat(FollowUpRound.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void nothingChangesInAClosedRound() {
        FollowUpRoundClosedEvent closed = new FollowUpRoundClosedEvent(ROUND, REPORT, FollowUpRound.sha256(REPORT),
                120, ON);
        List<Object> history = List.of(opened(), submitted(ACTIVITY, AMN),
                new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON),
                new AssessmentMarkedUnansweredEvent(ROUND, GOAL, "Inget svar", ON), closed);
        for (Object command : List.of(
                new SubmitAssessmentCommand(ROUND, GOAL, SLK, AssessmentStatus.ON_TRACK, null, null, null, ON),
                new ApproveAssessmentCommand(ROUND, ACTIVITY, null, ON),
                new MarkAssessmentUnansweredCommand(ROUND, ACTIVITY, "sent", ON),
                new ReturnAssessmentCommand(ROUND, ACTIVITY, "sent", ON),
                new CloseFollowUpRoundCommand(ROUND, REPORT, FollowUpRound.sha256(REPORT), 130, ON))) {
            fixture.given(history).when(command).expectNoEvents()
                    .expectException(violates(RoundRule.ROUND_IS_CLOSED));
        }
    }

    @Test
    void datesInTheFutureAreRefused() {
        fixture.given(opened())
                .when(new SubmitAssessmentCommand(ROUND, ACTIVITY, AMN, AssessmentStatus.ON_TRACK, null, null, null,
                        LocalDate.of(2024, 2, 16))).expectNoEvents()
                .expectException(violates(RoundRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE));
    }

    @Test
    void anApprovedItemCannotBeMarkedUnansweredNorReturnedAndAReturnedOneCanBeMarkedUnanswered() {
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new MarkAssessmentUnansweredCommand(ROUND, ACTIVITY, "Ändrat sig", ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED));
        fixture.given(opened(), submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new ReturnAssessmentCommand(ROUND, ACTIVITY, "Komplettera", ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED));
        fixture.given(opened())
                .when(new ReturnAssessmentCommand(ROUND, GOAL, "Komplettera", ON)).expectNoEvents()
                .expectException(violates(RoundRule.ASSESSMENT_MUST_BE_SUBMITTED_FIRST));
        fixture.given(opened(), submitted(ACTIVITY, AMN),
                        new AssessmentReturnedEvent(ROUND, ACTIVITY, "Komplettera", ON))
                .when(new MarkAssessmentUnansweredCommand(ROUND, ACTIVITY, "Ingen komplettering kom", ON))
                .expectEvents(new AssessmentMarkedUnansweredEvent(ROUND, ACTIVITY, "Ingen komplettering kom", ON));
    }

    @Test
    void aReturnedItemStopsTheRoundFromClosingUntilItIsSubmittedAgainAndApproved() {
        String checksum = FollowUpRound.sha256(REPORT);
        fixture.given(opened(), new AssessmentMarkedUnansweredEvent(ROUND, GOAL, "Inget svar", ON),
                        submitted(ACTIVITY, AMN), new AssessmentReturnedEvent(ROUND, ACTIVITY, "Komplettera", ON))
                .when(new CloseFollowUpRoundCommand(ROUND, REPORT, checksum, 120, ON)).expectNoEvents()
                .expectException(violates(RoundRule.ROUND_CANNOT_CLOSE_WITH_UNSETTLED_ITEMS));
        fixture.given(opened(), new AssessmentMarkedUnansweredEvent(ROUND, GOAL, "Inget svar", ON),
                        submitted(ACTIVITY, AMN), new AssessmentReturnedEvent(ROUND, ACTIVITY, "Komplettera", ON),
                        submitted(ACTIVITY, AMN), new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON))
                .when(new CloseFollowUpRoundCommand(ROUND, REPORT, checksum, 120, ON))
                .expectEvents(new FollowUpRoundClosedEvent(ROUND, REPORT, checksum, 120, ON));
    }
}
