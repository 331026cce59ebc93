package se.asfplan.domain.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.domain.procurement.ProcurementFixtures.*;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;

/**
 * Reserved procurement of welfare services: the legal ground follows the date the procurement was begun, only the
 * CPV codes that ground lists qualify, the contract runs at most three years, and an authority may award a supplier
 * such a contract only once in three years.
 */
class ReservedWelfareServicesTest {

    private final Ports ports = Ports.empty();

    private static ProcurementPlannedEvent plannedOn(LocalDate on, LegalGround ground, CpvCode... codes) {
        return new ProcurementPlannedEvent(ID, AMN, SUBJECT, List.of(codes), Procedure.RESERVED_WELFARE_SERVICES,
                ground, on, null);
    }

    // ------------------------------------------------------------------------------------------- legal ground

    @Test
    void aProcurementBegunTheDayBeforeFebruary2022FallsUnderSixA() {
        LocalDate dayBefore = RENUMBERED_ON.minusDays(1);
        fixture(ports).givenNoPriorActivity()
                .when(plan(details(Procedure.RESERVED_WELFARE_SERVICES, LISTED), dayBefore))
                .expectEvents(plannedOn(dayBefore, SIX_A, LISTED));
    }

    @Test
    void aProcurementBegunOnFirstFebruary2022FallsUnderTwentyFive() {
        fixture(ports).givenNoPriorActivity()
                .when(plan(details(Procedure.RESERVED_WELFARE_SERVICES, LISTED), RENUMBERED_ON))
                .expectEvents(plannedOn(RENUMBERED_ON, TWENTY_FIVE, LISTED));
    }

    @Test
    void theGroundIsChosenByTheDateTheProcurementWasBegunNotAnnounced() {
        LocalDate begun = RENUMBERED_ON.minusDays(1);
        fixture(ports).given(plannedOn(begun, SIX_A, LISTED))
                .when(announce(null, ANNOUNCED_ON))
                .expectEvents(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED),
                        Procedure.RESERVED_WELFARE_SERVICES, SIX_A, ANNOUNCED_ON, null));
    }

    @Test
    void aReservationForIdeaBasedOrganisationsFallsUnderTwentyFiveAFrom2023() {
        LocalDate newYear = LocalDate.of(2023, 1, 1);
        fixture(ports).givenNoPriorActivity()
                .when(announce(ideaBasedWelfare(LISTED), newYear))
                .expectEvents(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED),
                        Procedure.RESERVED_WELFARE_SERVICES, TWENTY_FIVE_A, newYear, null));
    }

    @Test
    void refusesAReservationForIdeaBasedOrganisationsBefore2023() {
        expectRefusal(fixture(ports).givenNoPriorActivity()
                        .when(announce(ideaBasedWelfare(LISTED), LocalDate.of(2022, 12, 31))),
                ProcurementRule.RESERVED_WELFARE_GROUND_MUST_APPLY_ON_BEGUN_DATE,
                "for idea-based organisations for a procurement begun on 2022-12-31");
    }

    // ------------------------------------------------------------------------------------------- CPV codes

    @Test
    void acceptsBothEndsOfTheListedRange() {
        fixture(ports).givenNoPriorActivity()
                .when(plan(details(Procedure.RESERVED_WELFARE_SERVICES, RANGE_FIRST, RANGE_LAST), PLANNED_ON))
                .expectEvents(plannedOn(PLANNED_ON, TWENTY_FIVE, RANGE_FIRST, RANGE_LAST));
    }

    @Test
    void refusesTheCodeJustAboveTheListedRange() {
        expectRefusal(fixture(ports).givenNoPriorActivity()
                        .when(plan(details(Procedure.RESERVED_WELFARE_SERVICES, LISTED, ABOVE_RANGE), PLANNED_ON)),
                ProcurementRule.RESERVED_WELFARE_SERVICES_MUST_BE_LISTED_CPV_CODES,
                "[" + ABOVE_RANGE + "] are not listed in LOU 19 kap. 25 §");
    }

    @Test
    void refusesTheCodeJustBelowTheListedRange() {
        expectRefusal(fixture(ports).givenNoPriorActivity()
                        .when(plan(details(Procedure.RESERVED_WELFARE_SERVICES, BELOW_RANGE), PLANNED_ON)),
                ProcurementRule.RESERVED_WELFARE_SERVICES_MUST_BE_LISTED_CPV_CODES, "[" + BELOW_RANGE + "]");
    }

    @Test
    void refusesAnUnlistedServiceUnderSixA() {
        expectRefusal(fixture(ports).givenNoPriorActivity()
                        .when(plan(details(Procedure.RESERVED_WELFARE_SERVICES, CLEANING), LocalDate.of(2021, 6, 1))),
                ProcurementRule.RESERVED_WELFARE_SERVICES_MUST_BE_LISTED_CPV_CODES,
                "are not listed in LOU 19 kap. 6 a §, which applies to procurements begun on 2021-06-01");
    }

    @Test
    void anOrdinaryProcurementMayBuyAnyService() {
        fixture(ports).givenNoPriorActivity()
                .when(plan(details(Procedure.ORDINARY, CLEANING), PLANNED_ON))
                .expectEvents(new ProcurementPlannedEvent(ID, AMN, SUBJECT, List.of(CLEANING), Procedure.ORDINARY,
                        null, PLANNED_ON, null));
    }

    // ------------------------------------------------------------------------------------------- contract length

    @Test
    void acceptsAContractOfExactlyThreeYears() {
        ContractPeriod threeYears = new ContractPeriod(LocalDate.of(2023, 5, 1), LocalDate.of(2026, 4, 30));
        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                .when(award(ASF, threeYears, AWARDED_ON))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, threeYears, null, null, AWARDED_ON,
                        null));
    }

    @Test
    void refusesAContractOneDayLongerThanThreeYears() {
        ContractPeriod tooLong = new ContractPeriod(LocalDate.of(2023, 5, 1), LocalDate.of(2026, 5, 1));
        expectRefusal(fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                        .when(award(ASF, tooLong, AWARDED_ON)),
                ProcurementRule.RESERVED_WELFARE_CONTRACT_RUNS_AT_MOST_THREE_YEARS,
                "runs at most 3 years; 2023-05-01 to 2026-05-01 is longer (the last allowed day is 2026-04-30)");
        assertThat(ports.history().awards).isEmpty();
    }

    @Test
    void anIdeaBasedReservationHasNoContractLengthLimit() {
        ContractPeriod fiveYears = new ContractPeriod(LocalDate.of(2023, 5, 1), LocalDate.of(2028, 4, 30));
        ProcurementAnnouncedEvent ideaBased = new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED),
                Procedure.RESERVED_WELFARE_SERVICES, TWENTY_FIVE_A, ANNOUNCED_ON, null);
        fixture(ports).given(ideaBased)
                .when(award(ASF, fiveYears, AWARDED_ON))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, fiveYears, null, null, AWARDED_ON,
                        null));
    }

    // ------------------------------------------------------------------------------------------- repeat award

    @Test
    void recordsTheAwardInTheAuthoritysHistory() {
        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.history().awardDates(AMN, ASF.organisationNumber())).containsExactly(AWARDED_ON);
    }

    @Test
    void allowsAnotherReservedAwardExactlyThreeYearsLater() {
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusYears(3));
        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, TWO_YEARS, null, null, AWARDED_ON,
                        null));
    }

    @Test
    void refusesAnotherReservedAwardOneDayLessThanThreeYearsLater() {
        LocalDate earlier = AWARDED_ON.minusYears(3).plusDays(1);
        ports.history().awarded(AMN, ASF_NUMBER, earlier);
        expectRefusal(fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS,
                "awarded " + ASF_NUMBER + " a reserved welfare-services contract on " + earlier);
        assertThat(ports.history().awards).hasSize(1);
    }

    @Test
    void refusesAReservedAwardRecordedLateWithinThreeYearsBeforeALaterOne() {
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.plusYears(3).minusDays(1));
        expectRefusal(fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS, "within 3 years");
    }

    @Test
    void refusesAnotherReservedAwardForAServiceWithinAnEarlierAwardsService() {
        CpvCode socialWork = new CpvCode("85000000-9");
        CpvCode socialWorkWithoutAccommodation = new CpvCode("85312000-9");
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusMonths(6), socialWork);
        expectRefusal(fixture(ports).given(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT,
                                List.of(LISTED, socialWorkWithoutAccommodation), Procedure.RESERVED_WELFARE_SERVICES,
                                groundOf(Procedure.RESERVED_WELFARE_SERVICES), ANNOUNCED_ON, null))
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS,
                "for the services [85000000-9]");
    }

    @Test
    void allowsAnotherReservedAwardForOtherServicesWithinThreeYears() {
        CpvCode trainingForWork = new CpvCode("80590000-6");
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusMonths(6), trainingForWork);
        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, TWO_YEARS, null, null, AWARDED_ON,
                        null));
        assertThat(ports.history().awards).extracting(History.Award::services)
                .containsExactly(List.of(trainingForWork), List.of(LISTED));
    }

    @Test
    void anEarlierAwardWhoseServicesAreNotOnRecordBarsEveryService() {
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusMonths(6), new CpvCode[0]);
        expectRefusal(fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS,
                "for services not on record");
    }

    @Test
    void anotherAuthorityMayAwardTheSameSupplier() {
        ports.history().awarded(SDN, ASF_NUMBER, AWARDED_ON.minusMonths(1));
        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSameSupplierMayWinTheSameServiceInAnOrdinaryProcurement() {
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusMonths(1));
        fixture(ports).given(announced(Procedure.ORDINARY))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.history().awards).hasSize(1);
    }

    @Test
    void anAwardUnderTwentyFiveADoesNotCountAgainstALaterTwentyFiveAward() {
        fixture(ports).given(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED),
                        Procedure.RESERVED_WELFARE_SERVICES, TWENTY_FIVE_A, ANNOUNCED_ON, null))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.history().awards).isEmpty();
    }

    @Test
    void aSoleTraderIsAwardedWithoutAnyHistoryBecauseItHasNoNumberOnRecord() {
        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                .when(award(Supplier.aSoleTrader(), TWO_YEARS, AWARDED_ON))
                .expectEvents(new ContractAwardedEvent(ID, Supplier.aSoleTrader(), false, VALUE, TWO_YEARS, null,
                        null, AWARDED_ON, null));
        assertThat(ports.history().awards).isEmpty();
    }

    @Test
    void anAwardUnderSixACountsAgainstALaterTwentyFiveAward() {
        ports.history().awarded(AMN, ASF_NUMBER, RENUMBERED_ON.minusMonths(1));
        expectRefusal(fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES))
                        .when(award(ASF, TWO_YEARS, AWARDED_ON)),
                ProcurementRule.RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS, "2022-01-01");
    }

    @Test
    void anIdeaBasedReservationHasNoRepeatAwardBar() {
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusMonths(1));
        fixture(ports).given(new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED),
                        Procedure.RESERVED_WELFARE_SERVICES, TWENTY_FIVE_A, ANNOUNCED_ON, null))
                .when(award(ASF, TWO_YEARS, AWARDED_ON))
                .expectSuccessfulHandlerExecution();
    }
}
