package se.asfplan.domain.procurement;

import static se.asfplan.domain.procurement.ProcurementFixtures.ANNOUNCED_ON;
import static se.asfplan.domain.procurement.ProcurementFixtures.ASF;
import static se.asfplan.domain.procurement.ProcurementFixtures.AWARDED_ON;
import static se.asfplan.domain.procurement.ProcurementFixtures.COMPLETED_ON;
import static se.asfplan.domain.procurement.ProcurementFixtures.ID;
import static se.asfplan.domain.procurement.ProcurementFixtures.TENDERED_ON;
import static se.asfplan.domain.procurement.ProcurementFixtures.TODAY;
import static se.asfplan.domain.procurement.ProcurementFixtures.announced;
import static se.asfplan.domain.procurement.ProcurementFixtures.awarded;
import static se.asfplan.domain.procurement.ProcurementFixtures.completed;
import static se.asfplan.domain.procurement.ProcurementFixtures.expectInvalid;
import static se.asfplan.domain.procurement.ProcurementFixtures.expectRefusal;
import static se.asfplan.domain.procurement.ProcurementFixtures.fixture;
import static se.asfplan.domain.shared.GivenEventIds.idOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.procurement.ProcurementCommands.CompleteProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DivideIntoLotsCommand;
import se.asfplan.domain.procurement.ProcurementCommands.RetractProcurementFactCommand;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementEvaluatedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementNotDividedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.TenderReceivedEvent;

/** Retracting a procurement's fact recorded in error: tenders and evaluations any time, lifecycle steps when latest. */
class ProcurementRetractionTest {

    private static final String REASON = "Registrerat på fel upphandling";

    private AggregateTestFixture<Procurement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(ProcurementFixtures.Ports.empty());
    }

    private static RetractProcurementFactCommand retract(String eventId) {
        return new RetractProcurementFactCommand(ID, eventId, REASON, TODAY);
    }

    private static ProcurementFactRetractedEvent retracted(String eventId, String fact) {
        return new ProcurementFactRetractedEvent(ID, eventId, fact, REASON, TODAY);
    }

    private static ProcurementDividedIntoLotsEvent divided() {
        return new ProcurementDividedIntoLotsEvent(ID, 3, BidsMayCover.ALL, ANNOUNCED_ON, null);
    }

    @Test
    void retractsATenderEvenAfterTheAward() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY),
                new TenderReceivedEvent(ID, ASF, true, TENDERED_ON, null), awarded(Procedure.ORDINARY));
        String tender = idOf(fixture, ID.value(), 1);
        given.when(retract(tender)).expectEvents(retracted(tender, "TenderReceivedEvent"));
    }

    @Test
    void retractsAnEvaluationAnyTime() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY),
                completed(), new ProcurementEvaluatedEvent(ID, "Två ASF anställde", COMPLETED_ON, null),
                new ProcurementEvaluatedEvent(ID, "Uppföljning år två", COMPLETED_ON, null));
        String first = idOf(fixture, ID.value(), 3);
        given.when(retract(first)).expectEvents(retracted(first, "ProcurementEvaluatedEvent"));
    }

    @Test
    void retractsTheDivisionIntoLotsWhileLatestSoItCanBeDecidedAnew() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY), divided(),
                new TenderReceivedEvent(ID, ASF, true, TENDERED_ON, null));
        String division = idOf(fixture, ID.value(), 1);
        given.when(retract(division)).expectEvents(retracted(division, "ProcurementDividedIntoLotsEvent"));

        setUp();
        given = fixture.given(announced(Procedure.ORDINARY), divided());
        division = idOf(fixture, ID.value(), 1);
        given.andGiven(retracted(division, "ProcurementDividedIntoLotsEvent"))
                .when(new DivideIntoLotsCommand(ID, 2, BidsMayCover.ONE, ANNOUNCED_ON, null))
                .expectEvents(new ProcurementDividedIntoLotsEvent(ID, 2, BidsMayCover.ONE, ANNOUNCED_ON, null));
    }

    @Test
    void retractsADecisionNotToDivide() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY),
                new ProcurementNotDividedEvent(ID, "Ett sammanhållet uppdrag", ANNOUNCED_ON, null));
        String decision = idOf(fixture, ID.value(), 1);
        given.when(retract(decision)).expectEvents(retracted(decision, "ProcurementNotDividedEvent"));
    }

    @Test
    void refusesToRetractTheDivisionOnceTheContractIsAwarded() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY), divided(),
                awarded(Procedure.ORDINARY));
        String division = idOf(fixture, ID.value(), 1);
        expectRefusal(given.when(retract(division)), ProcurementRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                "is not procurement amn-jobbspar-2023's latest step (it is awarded since 2023-04-03)");
    }

    @Test
    void retractingTheCompletionRestoresTheAwardedProcurement() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY),
                completed());
        String completion = idOf(fixture, ID.value(), 2);
        given.andGiven(retracted(completion, "ProcurementCompletedEvent"))
                // awarded again: it can be completed anew, on another date
                .when(new CompleteProcurementCommand(ID, AWARDED_ON.plusDays(10), null))
                .expectEvents(new ProcurementCompletedEvent(ID, AWARDED_ON.plusDays(10), null));
    }

    @Test
    void refusesToRetractTheCompletionWhileAnEvaluationStands() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY),
                completed(), new ProcurementEvaluatedEvent(ID, "Två ASF anställde", COMPLETED_ON, null));
        String completion = idOf(fixture, ID.value(), 2);
        expectRefusal(given.when(retract(completion)), ProcurementRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                "retract them before the completion");
    }

    @Test
    void refusesAnEventThatIsNotOneOfTheProcurementsRetractableFacts() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY), awarded(Procedure.ORDINARY));
        String award = idOf(fixture, ID.value(), 1);
        expectRefusal(given.when(retract(award)), ProcurementRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD,
                "holds no fact recorded by event " + award);
    }

    @Test
    void refusesToRetractATenderTwice() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY),
                new TenderReceivedEvent(ID, ASF, true, TENDERED_ON, null));
        String tender = idOf(fixture, ID.value(), 1);
        expectRefusal(given.andGiven(retracted(tender, "TenderReceivedEvent")).when(retract(tender)),
                ProcurementRule.EVENT_IS_ALREADY_RETRACTED, "is already retracted");
    }

    @Test
    void rejectsARetractionWithoutReason() {
        TestExecutor<Procurement> given = fixture.given(announced(Procedure.ORDINARY),
                new TenderReceivedEvent(ID, ASF, true, TENDERED_ON, null));
        String tender = idOf(fixture, ID.value(), 1);
        expectInvalid(given.when(new RetractProcurementFactCommand(ID, tender, "", TODAY)),
                "reason must not be blank");
    }
}
