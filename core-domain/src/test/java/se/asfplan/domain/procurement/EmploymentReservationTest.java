package se.asfplan.domain.procurement;

import static se.asfplan.domain.procurement.ProcurementFixtures.*;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;

/**
 * Reserved procurement for employment (LOU 4 kap. 18 §): the award records the supplier's share of employees with
 * disabilities or disadvantaged at the tender date, at least 30 %, and the reference of its evidence.
 */
class EmploymentReservationTest {

    private static DisadvantagedEmployment share(String percent, String evidence) {
        return new DisadvantagedEmployment(percent == null ? null : new BigDecimal(percent), TENDERED_ON, evidence);
    }

    @Test
    void awardsWithExactlyThirtyPercent() {
        DisadvantagedEmployment thirty = share("30", "Intyg dnr AMN 2023/112");
        fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                .when(awardReservedForEmployment(thirty))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, TWO_YEARS, thirty, null, AWARDED_ON,
                        null));
    }

    @Test
    void refusesTwentyNineNinetyNinePercent() {
        expectRefusal(fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                        .when(awardReservedForEmployment(share("29.99", "Intyg dnr AMN 2023/112"))),
                ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_THIRTY_PERCENT,
                "the share at the tender date " + TENDERED_ON + " was 29.99 %");
    }

    @Test
    void refusesAnAwardWithoutTheShare() {
        expectRefusal(fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                        .when(awardReservedForEmployment(null)),
                ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_THIRTY_PERCENT, "give sharePercent and tenderDate");
    }

    @Test
    void refusesAnAwardWithoutTheTenderDate() {
        expectRefusal(fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                        .when(awardReservedForEmployment(new DisadvantagedEmployment(new BigDecimal("45"), null,
                                "Intyg"))),
                ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_THIRTY_PERCENT, "give sharePercent and tenderDate");
    }

    @Test
    void acceptsATenderDateOnTheAwardDay() {
        DisadvantagedEmployment sameDay = new DisadvantagedEmployment(new BigDecimal("45"), AWARDED_ON, "Intyg");
        fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                .when(awardReservedForEmployment(sameDay))
                .expectEvents(new ContractAwardedEvent(ID, ASF, true, VALUE, TWO_YEARS, sameDay, null, AWARDED_ON,
                        null));
    }

    @Test
    void refusesATenderDateAfterTheAward() {
        expectRefusal(fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                        .when(awardReservedForEmployment(new DisadvantagedEmployment(new BigDecimal("45"),
                                AWARDED_ON.plusDays(1), "Intyg"))),
                ProcurementRule.TENDER_DATE_MUST_NOT_FOLLOW_AWARD, "cannot lie after the award on " + AWARDED_ON);
    }

    @Test
    void refusesAnAwardWithoutEvidence() {
        expectRefusal(fixture(Ports.empty()).given(announced(Procedure.RESERVED_FOR_EMPLOYMENT))
                        .when(awardReservedForEmployment(share("45", "  "))),
                ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_EVIDENCE, "give evidenceReference");
    }
}
