package se.asfplan.domain.procurement;

import static se.asfplan.domain.procurement.ProcurementFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.procurement.ProcurementCommands.AnnounceProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.CancelProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.CompleteProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DecideNotToDivideCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DivideIntoLotsCommand;
import se.asfplan.domain.procurement.ProcurementCommands.EvaluateProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.PlanProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.ReceiveTenderCommand;
import se.asfplan.domain.procurement.ProcurementCommands.RetractProcurementFactCommand;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementEvaluatedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementNotDividedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.TenderReceivedEvent;
import se.asfplan.domain.shared.RecordRule;

/** A procurement's lifecycle: begun, lots decided, tenders, award, completion, evaluation, cancellation. */
class ProcurementLifecycleTest {

    private AggregateTestFixture<Procurement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Ports.empty());
    }

    // ------------------------------------------------------------------------------------------- begin

    @Test
    void plansAProcurementNamingThePlanActivityItCarriesOut() {
        fixture.givenNoPriorActivity()
                .when(new PlanProcurementCommand(ID, details(Procedure.ORDINARY, LISTED, LISTED), PLANNED_ON,
                        CARRIES_OUT))
                .expectEvents(new ProcurementPlannedEvent(ID, AMN, SUBJECT, List.of(LISTED), Procedure.ORDINARY, null,
                        PLANNED_ON, CARRIES_OUT));
    }

    @Test
    void announcesAPlannedProcurementWithItsPlannedDetails() {
        fixture.given(planned(Procedure.RESERVED_FOR_EMPLOYMENT))
                .when(new AnnounceProcurementCommand(ID, null, ANNOUNCED_ON, CARRIES_OUT))
                .expectEvents(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED),
                        Procedure.RESERVED_FOR_EMPLOYMENT, LegalGround.EMPLOYMENT_RESERVATION, ANNOUNCED_ON,
                        CARRIES_OUT));
    }

    @Test
    void announcesAProcurementThatWasNotPlannedFirst() {
        fixture.givenNoPriorActivity()
                .when(announce(details(Procedure.ORDINARY, CLEANING), ANNOUNCED_ON))
                .expectEvents(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(CLEANING), Procedure.ORDINARY,
                        null, ANNOUNCED_ON, null));
    }

    @Test
    void refusesToPlanAProcurementTwice() {
        expectRefusal(fixture.given(planned(Procedure.ORDINARY))
                        .when(plan(details(Procedure.ORDINARY, LISTED), ANNOUNCED_ON)),
                ProcurementRule.PROCUREMENT_CAN_BE_BEGUN_ONCE, "already recorded");
    }

    @Test
    void refusesToAnnounceTwice() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY)).when(announce(null, TENDERED_ON)),
                ProcurementRule.PROCUREMENT_CAN_BE_ANNOUNCED_ONCE, "already announced since " + ANNOUNCED_ON);
    }

    @Test
    void refusesToAnnounceAnUnknownProcurementWithoutDetails() {
        expectRefusal(fixture.givenNoPriorActivity().when(announce(null, ANNOUNCED_ON)),
                ProcurementRule.PROCUREMENT_MUST_EXIST, "give its details");
    }

    @Test
    void refusesNewDetailsWhenAnnouncingAPlannedProcurement() {
        expectRefusal(fixture.given(planned(Procedure.ORDINARY))
                        .when(announce(details(Procedure.DIRECT_AWARD, LISTED), ANNOUNCED_ON)),
                ProcurementRule.PROCUREMENT_DETAILS_ARE_GIVEN_WHEN_BEGUN, "announce it without details");
    }

    @Test
    void refusesToBeginAProcurementUnderAnIdThatAnotherRecordUses() {
        expectRefusal(fixture.given(PlanFixtures.planAdopted())
                        .when(plan(details(Procedure.ORDINARY, LISTED), PLANNED_ON)),
                RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD, "already used by another kind of record");
        expectRefusal(fixture.given(PlanFixtures.planAdopted())
                        .when(announce(details(Procedure.ORDINARY, LISTED), PLANNED_ON)),
                RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD, "already used by another kind of record");
    }

    @Test
    void refusesStepsForAnIdThatAnotherRecordUses() {
        expectRefusal(fixture.given(PlanFixtures.planAdopted())
                        .when(new ReceiveTenderCommand(ID, ASF, TENDERED_ON, null)),
                RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD, "No procurement " + ID + " is recorded (the id is used by another kind of record)");
        expectRefusal(fixture.given(PlanFixtures.planAdopted()).when(announce(null, TENDERED_ON)),
                RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD, "already used by another kind of record");
    }

    @Test
    void refusesARetractionForAnIdThatAnotherRecordUses() {
        expectRefusal(fixture.given(PlanFixtures.planAdopted())
                        .when(new RetractProcurementFactCommand(ID, "some-event", "Fel", TENDERED_ON)),
                RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD, "No procurement " + ID + " is recorded (the id is used by another kind of record)");
    }

    @Test
    void refusesAPlanActivityThatNoPlanHas() {
        PlanActivityReference unknown = new PlanActivityReference(CARRIES_OUT.planId(), new ActivityId("finns-inte"));
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new PlanProcurementCommand(ID, details(Procedure.ORDINARY, LISTED), PLANNED_ON, unknown)),
                ProcurementRule.CARRIED_OUT_ACTIVITY_MUST_EXIST, "has no activity finns-inte");
        expectRefusal(fixture.given(announced(Procedure.ORDINARY))
                        .when(new ProcurementCommands.AwardContractCommand(ID, ASF, VALUE, TWO_YEARS, null, null,
                                AWARDED_ON, unknown)),
                ProcurementRule.CARRIED_OUT_ACTIVITY_MUST_EXIST, "has no activity finns-inte");
        expectRefusal(fixture.given(announced(Procedure.ORDINARY))
                        .when(new CancelProcurementCommand(ID, "Skäl", TODAY, unknown)),
                ProcurementRule.CARRIED_OUT_ACTIVITY_MUST_EXIST, "has no activity finns-inte");
    }

    @Test
    void refusesAProcurementWithoutCpvCodes() {
        expectInvalid(fixture.givenNoPriorActivity().when(plan(details(Procedure.ORDINARY), PLANNED_ON)),
                "cpvCodes must name at least one CPV code");
    }

    @Test
    void refusesTheIdeaBasedFlagOutsideReservedWelfareServices() {
        expectInvalid(fixture.givenNoPriorActivity().when(plan(new ProcurementCommands.ProcurementDetails(AMN,
                        SUBJECT, List.of(LISTED), Procedure.ORDINARY, true), PLANNED_ON)),
                "reservedForIdeaBasedOrganisations applies only");
    }

    @Test
    void refusesADateInTheFuture() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(plan(details(Procedure.ORDINARY, LISTED), TODAY.plusDays(1))),
                ProcurementRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "lies in the future");
    }

    @Test
    void acceptsToday() {
        fixture.givenNoPriorActivity()
                .when(plan(details(Procedure.ORDINARY, LISTED), TODAY))
                .expectEvents(new ProcurementPlannedEvent(ID, AMN, SUBJECT, List.of(LISTED), Procedure.ORDINARY, null,
                        TODAY, null));
    }

    @Test
    void refusesAnAnnouncementDatedBeforeThePlanning() {
        expectRefusal(fixture.given(planned(Procedure.ORDINARY)).when(announce(null, PLANNED_ON.minusDays(1))),
                ProcurementRule.DATE_MUST_NOT_PRECEDE_EARLIER_STEP, "was planned on " + PLANNED_ON);
    }

    @Test
    void acceptsAnAnnouncementOnThePlanningDay() {
        fixture.given(planned(Procedure.ORDINARY))
                .when(announce(null, PLANNED_ON))
                .expectEvents(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED), Procedure.ORDINARY,
                        null, PLANNED_ON, null));
    }

    // ------------------------------------------------------------------------------------------- lots

    @Test
    void dividesIntoLots() {
        fixture.given(planned(Procedure.ORDINARY))
                .when(new DivideIntoLotsCommand(ID, 4, BidsMayCover.SEVERAL, ANNOUNCED_ON, CARRIES_OUT))
                .expectEvents(new ProcurementDividedIntoLotsEvent(ID, 4, BidsMayCover.SEVERAL, ANNOUNCED_ON,
                        CARRIES_OUT));
    }

    @Test
    void refusesASingleLot() {
        expectInvalid(fixture.given(planned(Procedure.ORDINARY))
                        .when(new DivideIntoLotsCommand(ID, 1, BidsMayCover.ONE, ANNOUNCED_ON, null)),
                "numberOfLots must be at least 2");
    }

    @Test
    void recordsTheReasonForNotDividing() {
        fixture.given(announced(Procedure.ORDINARY))
                .when(new DecideNotToDivideCommand(ID, "Tjänsten kan inte delas geografiskt", ANNOUNCED_ON, null))
                .expectEvents(new ProcurementNotDividedEvent(ID, "Tjänsten kan inte delas geografiskt", ANNOUNCED_ON,
                        null));
    }

    @Test
    void refusesNotDividingWithoutAReason() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY))
                        .when(new DecideNotToDivideCommand(ID, " ", ANNOUNCED_ON, null)),
                ProcurementRule.REASONS_MUST_BE_STATED_FOR_NOT_DIVIDING, "must state its reasons");
    }

    @Test
    void refusesToDivideTwice() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY),
                                new ProcurementDividedIntoLotsEvent(ID, 2, BidsMayCover.ALL, ANNOUNCED_ON, null))
                        .when(new DivideIntoLotsCommand(ID, 3, BidsMayCover.ALL, ANNOUNCED_ON, null)),
                ProcurementRule.DIVISION_INTO_LOTS_IS_DECIDED_ONCE, "already decided");
    }

    @Test
    void refusesToDivideAfterDecidingNotTo() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY),
                                new ProcurementNotDividedEvent(ID, "Odelbar tjänst", ANNOUNCED_ON, null))
                        .when(new DivideIntoLotsCommand(ID, 3, BidsMayCover.ALL, ANNOUNCED_ON, null)),
                ProcurementRule.DIVISION_INTO_LOTS_IS_DECIDED_ONCE, "already decided");
    }

    @Test
    void refusesToDecideOnLotsAfterTheAward() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY))
                        .when(new DivideIntoLotsCommand(ID, 3, BidsMayCover.ALL, AWARDED_ON, null)),
                ProcurementRule.DIVISION_INTO_LOTS_IS_DECIDED_BEFORE_AWARD, "already awarded");
    }

    // ------------------------------------------------------------------------------------------- tenders

    @Test
    void receivesATenderFromARegisteredAsf() {
        fixture.given(announced(Procedure.ORDINARY))
                .when(new ReceiveTenderCommand(ID, ASF, TENDERED_ON, CARRIES_OUT))
                .expectEvents(new TenderReceivedEvent(ID, ASF, true, TENDERED_ON, CARRIES_OUT));
    }

    @Test
    void receivesATenderFromAnUnregisteredSupplierAsNotAnAsf() {
        fixture.given(announced(Procedure.ORDINARY))
                .when(new ReceiveTenderCommand(ID, NOT_REGISTERED, TENDERED_ON, null))
                .expectEvents(new TenderReceivedEvent(ID, NOT_REGISTERED, false, TENDERED_ON, null));
    }

    @Test
    void receivesATenderFromASoleTraderWithoutAnyNumber() {
        fixture.given(announced(Procedure.ORDINARY))
                .when(new ReceiveTenderCommand(ID, Supplier.aSoleTrader(), TENDERED_ON, null))
                .expectEvents(new TenderReceivedEvent(ID, Supplier.aSoleTrader(), false, TENDERED_ON, null));
    }

    @Test
    void refusesATenderBeforeTheAnnouncement() {
        expectRefusal(fixture.given(planned(Procedure.ORDINARY))
                        .when(new ReceiveTenderCommand(ID, ASF, TENDERED_ON, null)),
                ProcurementRule.PROCUREMENT_MUST_BE_ANNOUNCED_FIRST, "only planned");
    }

    @Test
    void receivesAQuoteForAPlannedDirectAward() {
        fixture.given(planned(Procedure.DIRECT_AWARD))
                .when(new ReceiveTenderCommand(ID, ASF, TENDERED_ON, null))
                .expectEvents(new TenderReceivedEvent(ID, ASF, true, TENDERED_ON, null));
    }

    @Test
    void refusesATenderAfterTheAward() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY))
                        .when(new ReceiveTenderCommand(ID, ASF, AWARDED_ON, null)),
                ProcurementRule.TENDERS_MUST_PRECEDE_AWARD, "already awarded");
    }

    // ------------------------------------------------------------------------------------------- award

    @Test
    void awardsAnOrdinaryContractToARegisteredAsf() {
        fixture.given(announced(Procedure.ORDINARY))
                .when(new ProcurementCommands.AwardContractCommand(ID, ASF, new BigDecimal("450000"), TWO_YEARS, null,
                        null, AWARDED_ON, CARRIES_OUT))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, TWO_YEARS, null, null, AWARDED_ON,
                        CARRIES_OUT));
    }

    @Test
    void awardsToAnUnregisteredNumberAsNotAnAsf() {
        fixture.given(announced(Procedure.ORDINARY))
                .when(award(NOT_REGISTERED, TWO_YEARS, AWARDED_ON))
                .expectEvents(new ContractAwardedEvent(ID, NOT_REGISTERED, false, VALUE, TWO_YEARS, null, null,
                        AWARDED_ON, null));
    }

    @Test
    void refusesAnAwardBeforeTheAnnouncement() {
        expectRefusal(fixture.given(planned(Procedure.ORDINARY)).when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.PROCUREMENT_MUST_BE_ANNOUNCED_FIRST, "must be announced before the contract");
    }

    @Test
    void refusesASecondAward() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY))
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.CONTRACT_CAN_BE_AWARDED_ONCE, "already awarded");
    }

    @Test
    void refusesAnAwardAfterCancellation() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), cancelled())
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE, "was cancelled on 2023-03-15");
    }

    @Test
    void refusesEmploymentFiguresOutsideAnEmploymentReservation() {
        expectInvalid(fixture.given(announced(Procedure.ORDINARY))
                        .when(new ProcurementCommands.AwardContractCommand(ID, ASF, VALUE, TWO_YEARS,
                                new DisadvantagedEmployment(new BigDecimal("40"), TENDERED_ON, "Dnr 1"), null,
                                AWARDED_ON, null)),
                "employment is recorded only for procedure RESERVED_FOR_EMPLOYMENT");
    }

    @Test
    void refusesAValueWithFractionsOfAnOre() {
        expectInvalid(fixture.given(announced(Procedure.ORDINARY))
                        .when(new ProcurementCommands.AwardContractCommand(ID, ASF, new BigDecimal("100.001"),
                                TWO_YEARS, null, null, AWARDED_ON, null)),
                "value must be whole öre");
    }

    // ------------------------------------------------------------------------------------------- closing

    @Test
    void completesAnAwardedProcurement() {
        fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY))
                .when(new CompleteProcurementCommand(ID, COMPLETED_ON, CARRIES_OUT))
                .expectEvents(new ProcurementCompletedEvent(ID, COMPLETED_ON, CARRIES_OUT));
    }

    @Test
    void refusesToCompleteWithoutAnAward() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY))
                        .when(new CompleteProcurementCommand(ID, COMPLETED_ON, null)),
                ProcurementRule.CONTRACT_MUST_BE_AWARDED_BEFORE_COMPLETION, "must be awarded before");
    }

    @Test
    void refusesACompletionDatedBeforeTheAward() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY))
                        .when(new CompleteProcurementCommand(ID, AWARDED_ON.minusDays(1), null)),
                ProcurementRule.DATE_MUST_NOT_PRECEDE_EARLIER_STEP, "was awarded on " + AWARDED_ON);
    }

    @Test
    void evaluatesACompletedProcurementMoreThanOnce() {
        LocalDate later = COMPLETED_ON.plusMonths(6);
        fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY), completed(),
                        new ProcurementEvaluatedEvent(ID, "Första uppföljningen", COMPLETED_ON, null))
                .when(new EvaluateProcurementCommand(ID, "Två av tre deltagare fick arbete", later, CARRIES_OUT))
                .expectEvents(new ProcurementEvaluatedEvent(ID, "Två av tre deltagare fick arbete", later,
                        CARRIES_OUT));
    }

    @Test
    void refusesToEvaluateBeforeCompletion() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY))
                        .when(new EvaluateProcurementCommand(ID, "Utvärdering", COMPLETED_ON, null)),
                ProcurementRule.PROCUREMENT_MUST_BE_COMPLETED_BEFORE_EVALUATION, "evaluated once completed");
    }

    @Test
    void refusesAnythingButEvaluationAfterCompletion() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY), completed())
                        .when(new CancelProcurementCommand(ID, "För sent", COMPLETED_ON, null)),
                ProcurementRule.COMPLETED_PROCUREMENT_CAN_ONLY_BE_EVALUATED, "can only be evaluated");
    }

    @Test
    void cancelsAnAnnouncedProcurement() {
        LocalDate on = LocalDate.of(2023, 3, 15);
        fixture.given(announced(Procedure.ORDINARY))
                .when(new CancelProcurementCommand(ID, "Inga anbud", on, CARRIES_OUT))
                .expectEvents(new ProcurementCancelledEvent(ID, "Inga anbud", on, CARRIES_OUT));
    }

    @Test
    void refusesToCancelTwice() {
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), cancelled())
                        .when(new CancelProcurementCommand(ID, "Igen", TODAY, null)),
                ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE, "can no longer change");
    }

    @Test
    void refusesTendersLotsAndAnnouncementAfterCancellation() {
        expectRefusal(fixture.given(planned(Procedure.ORDINARY), cancelled()).when(announce(null, TODAY)),
                ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE, "can no longer change");
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), cancelled())
                        .when(new ReceiveTenderCommand(ID, ASF, TODAY, null)),
                ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE, "can no longer change");
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), cancelled())
                        .when(new DecideNotToDivideCommand(ID, "Skäl", TODAY, null)),
                ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE, "can no longer change");
        expectRefusal(fixture.given(announced(Procedure.ORDINARY), cancelled())
                        .when(new EvaluateProcurementCommand(ID, "Text", TODAY, null)),
                ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE, "can no longer change");
    }
}
