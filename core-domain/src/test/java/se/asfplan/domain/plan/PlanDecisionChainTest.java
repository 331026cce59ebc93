package se.asfplan.domain.plan;

import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.CorrectPlanDecisionCommand;
import se.asfplan.domain.plan.PlanCommands.RecordPlanDecisionCommand;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;

/**
 * A plan's chain of decisions: proposed by a nämnd, adopted, approved by another body, amended by a later decision,
 * and corrected when a decision was recorded wrongly (a new event naming the decision and why; nothing stored is
 * rewritten).
 */
class PlanDecisionChainTest {

    private static final DecisionId APPROVAL_ID = new DecisionId("godkannande-kf");
    private static final Decision APPROVAL = new Decision("Kommunfullmäktige", "KF 2021/3", "§ 112");
    private static final LocalDate APPROVED_ON = LocalDate.of(2021, 4, 26);
    private static final LocalDate CORRECTED_ON = LocalDate.of(2024, 2, 1);

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private static RecordPlanDecisionCommand record(DecisionId id, DecisionKind kind, Decision decision,
                                                    LocalDate on) {
        return new RecordPlanDecisionCommand(PLAN_ID, id, kind, decision, on, " Planen godkänns ");
    }

    private static PlanDecisionRecordedEvent approved() {
        return new PlanDecisionRecordedEvent(PLAN_ID, APPROVAL_ID, DecisionKind.APPROVAL, APPROVAL,
                "Planen godkänns", APPROVED_ON);
    }

    @Test
    void recordsAnApprovalAfterTheAdoptionDatedOnTheDecision() {
        fixture.given(planAdopted(2021, 2024))
                .when(record(APPROVAL_ID, DecisionKind.APPROVAL, APPROVAL, APPROVED_ON))
                .expectEvents(approved());
    }

    @Test
    void recordsAProposalBeforeTheAdoption() {
        Decision proposal = new Decision("Arbetsmarknadsnämnden", "AMN 2020/12", "§ 8");
        fixture.given(planAdopted(2021, 2024))
                .when(new RecordPlanDecisionCommand(PLAN_ID, new DecisionId("forslag-amn"), DecisionKind.PROPOSAL,
                        proposal, DAY_BEFORE_ADOPTION, null))
                .expectEvents(new PlanDecisionRecordedEvent(PLAN_ID, new DecisionId("forslag-amn"),
                        DecisionKind.PROPOSAL, proposal, null, DAY_BEFORE_ADOPTION));
    }

    @Test
    void refusesAnAmendmentBeforeTheAdoption() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(record(new DecisionId("andring"), DecisionKind.AMENDMENT, APPROVAL, DAY_BEFORE_ADOPTION)),
                PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION, "only a proposal precedes the adoption");
    }

    @Test
    void refusesASecondAdoption() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(record(new DecisionId("antagande-ks"), DecisionKind.ADOPTION, APPROVAL, APPROVED_ON)),
                PlanRule.ADOPTION_IS_RECORDED_WITH_THE_PLAN, "correct the adoption");
    }

    @Test
    void refusesADecisionIdThePlanAlreadyHas() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), approved())
                        .when(record(APPROVAL_ID, DecisionKind.AMENDMENT, APPROVAL, TODAY)),
                PlanRule.DECISION_ID_MUST_BE_UNIQUE, "already has a decision godkannande-kf");
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(record(DecisionId.ADOPTION, DecisionKind.AMENDMENT, APPROVAL, TODAY)),
                PlanRule.DECISION_ID_MUST_BE_UNIQUE, "already has a decision adoption");
    }

    @Test
    void refusesADecisionInTheFuture() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(record(APPROVAL_ID, DecisionKind.APPROVAL, APPROVAL, TOMORROW)),
                PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "lies in the future");
    }

    @Test
    void refusesADecisionWithoutBody() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(new RecordPlanDecisionCommand(PLAN_ID, APPROVAL_ID, DecisionKind.APPROVAL, null,
                                APPROVED_ON, null)),
                "decision must be given");
    }

    @Test
    void correctsTheAdoptionsParagraphAndDateWithAReason() {
        Decision corrected = new Decision(ADOPTION.body(), ADOPTION.reference(), "§ 51");
        fixture.given(planAdopted(2021, 2024))
                .when(new CorrectPlanDecisionCommand(PLAN_ID, DecisionId.ADOPTION, corrected, ADOPTED_ON.minusDays(3),
                        "Fel paragraf och datum i registreringen", CORRECTED_ON))
                .expectEvents(new PlanDecisionCorrectedEvent(PLAN_ID, DecisionId.ADOPTION, corrected,
                        ADOPTED_ON.minusDays(3), "Fel paragraf och datum i registreringen", CORRECTED_ON));
    }

    @Test
    void aCorrectedEarlierAdoptionDateBecomesThePlansEarliestBusinessDate() {
        fixture.given(planAdopted(2021, 2024), new PlanDecisionCorrectedEvent(PLAN_ID, DecisionId.ADOPTION, ADOPTION,
                        DAY_BEFORE_ADOPTION, "Fel datum", CORRECTED_ON), areaAdded(AREA), activityAdded(ACTIVITY))
                .when(startActivity(ACTIVITY, DAY_BEFORE_ADOPTION))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCorrectedLaterAdoptionDateLeavesThePlansEarliestBusinessDateAsItWas() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                        new PlanDecisionCorrectedEvent(PLAN_ID, DecisionId.ADOPTION, ADOPTION, ADOPTED_ON.plusDays(10),
                                "Fel datum", CORRECTED_ON))
                .when(startActivity(ACTIVITY, ADOPTED_ON))
                .expectSuccessfulHandlerExecution();
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                                new PlanDecisionCorrectedEvent(PLAN_ID, DecisionId.ADOPTION, ADOPTION,
                                        ADOPTED_ON.plusDays(10), "Fel datum", CORRECTED_ON))
                        .when(startActivity(ACTIVITY, DAY_BEFORE_ADOPTION)),
                PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION, "lies before plan");
    }

    @Test
    void correctsARecordedDecisionAndThenItReadsAsCorrected() {
        Decision corrected = new Decision(APPROVAL.body(), "KF 2021/33", APPROVAL.paragraph());
        fixture.given(planAdopted(2021, 2024), approved(), new PlanDecisionCorrectedEvent(PLAN_ID, APPROVAL_ID,
                        corrected, APPROVED_ON, "Fel diarienummer", CORRECTED_ON))
                .when(new CorrectPlanDecisionCommand(PLAN_ID, APPROVAL_ID, APPROVAL, APPROVED_ON,
                        "Tillbaka till det ursprungliga", TODAY))
                .expectEvents(new PlanDecisionCorrectedEvent(PLAN_ID, APPROVAL_ID, APPROVAL, APPROVED_ON,
                        "Tillbaka till det ursprungliga", TODAY));
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), approved())
                        .when(new CorrectPlanDecisionCommand(PLAN_ID, APPROVAL_ID, APPROVAL, APPROVED_ON, "Samma",
                                TODAY)),
                PlanRule.DECISION_CORRECTION_MUST_CHANGE_SOMETHING, "already reads");
    }

    @Test
    void refusesACorrectionOfAnUnknownDecision() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(new CorrectPlanDecisionCommand(PLAN_ID, APPROVAL_ID, APPROVAL, APPROVED_ON, "Fel",
                                TODAY)),
                PlanRule.DECISION_MUST_EXIST, "has no decision godkannande-kf");
    }

    @Test
    void refusesACorrectionWithoutReason() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), approved())
                        .when(new CorrectPlanDecisionCommand(PLAN_ID, APPROVAL_ID, APPROVAL, TODAY, " ", TODAY)),
                "reason must not be blank");
    }

    @Test
    void refusesACorrectionMovingAnApprovalBeforeTheAdoption() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), approved())
                        .when(new CorrectPlanDecisionCommand(PLAN_ID, APPROVAL_ID, APPROVAL, DAY_BEFORE_ADOPTION,
                                "Fel datum", TODAY)),
                PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION, "would lie before plan");
    }
}
