package se.asfplan.domain.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.domain.procurement.ProcurementFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;

/**
 * Direct awards (direktupphandling, LOU 19 a kap.): awards of the same purchase kind by the same authority add up
 * per financial year; a sum above the year's configured limit is flagged, never refused.
 */
class DirectAwardTest {

    private static final LocalDate ON = LocalDate.of(2024, 9, 2);
    private final Ports ports = Ports.empty();

    private static ContractAwardedEvent directAwarded(String value, DirectAwardTally tally) {
        return new ContractAwardedEvent(ID, ASF, true, new BigDecimal(value), TWO_YEARS, null, tally, ON, null);
    }

    @Test
    void aDirectAwardNeedsNoAnnouncement() {
        fixture(ports).given(planned(Procedure.DIRECT_AWARD))
                .when(directAward("120000", "Städtjänster", ON))
                .expectEvents(directAwarded("120000.00", new DirectAwardTally("städtjänster", 2024,
                        new BigDecimal("120000.00"), new BigDecimal("700000.00"), false)));
        assertThat(ports.totals().totalSoFar(AMN, "städtjänster", 2024)).isEqualByComparingTo("120000");
    }

    @Test
    void aTotalExactlyAtTheLimitIsNotFlagged() {
        ports.totals().spent(AMN, "städtjänster", 2024, "600000.00");
        fixture(ports).given(planned(Procedure.DIRECT_AWARD))
                .when(directAward("100000", "städtjänster", ON))
                .expectEvents(directAwarded("100000.00", new DirectAwardTally("städtjänster", 2024,
                        new BigDecimal("700000.00"), new BigDecimal("700000.00"), false)));
    }

    @Test
    void aTotalOneOreOverTheLimitIsFlaggedAndRecorded() {
        ports.totals().spent(AMN, "städtjänster", 2024, "600000.00");
        fixture(ports).given(planned(Procedure.DIRECT_AWARD))
                .when(directAward("100000.01", "städtjänster", ON))
                .expectEvents(directAwarded("100000.01", new DirectAwardTally("städtjänster", 2024,
                        new BigDecimal("700000.01"), new BigDecimal("700000.00"), true)));
        assertThat(ports.totals().totalSoFar(AMN, "städtjänster", 2024)).isEqualByComparingTo("700000.01");
    }

    @Test
    void otherKindsYearsAndAuthoritiesDoNotAddUp() {
        ports.totals().spent(AMN, "catering", 2024, "690000.00")
                .spent(AMN, "städtjänster", 2023, "690000.00")
                .spent(SDN, "städtjänster", 2024, "690000.00");
        fixture(ports).given(planned(Procedure.DIRECT_AWARD))
                .when(directAward("100000", "städtjänster", ON))
                .expectEvents(directAwarded("100000.00", new DirectAwardTally("städtjänster", 2024,
                        new BigDecimal("100000.00"), new BigDecimal("700000.00"), false)));
    }

    @Test
    void refusesADirectAwardInAYearWithoutAConfiguredLimit() {
        expectRefusal(fixture(ports).given(new ProcurementEvents.ProcurementPlannedEvent(ID, AMN, SUBJECT,
                                java.util.List.of(LISTED), Procedure.DIRECT_AWARD, null, LocalDate.of(2021, 3, 1), null))
                        .when(directAward("1000", "städtjänster", LocalDate.of(2021, 3, 2))),
                ProcurementRule.DIRECT_AWARD_LIMIT_MUST_BE_CONFIGURED, "No direct-award limit is configured for 2021");
        assertThat(ports.totals().sums).isEmpty();
    }

    @Test
    void refusesADirectAwardWithoutPurchaseKind() {
        expectRefusal(fixture(ports).given(planned(Procedure.DIRECT_AWARD)).when(directAward("1000", null, ON)),
                ProcurementRule.DIRECT_AWARD_REQUIRES_PURCHASE_KIND, "give the purchaseKind");
    }

    @Test
    void refusesAPurchaseKindOutsideADirectAward() {
        expectInvalid(fixture(ports).given(announced(Procedure.ORDINARY)).when(directAward("1000", "städ", ON)),
                "purchaseKind is recorded only for procedure DIRECT_AWARD");
    }
}
