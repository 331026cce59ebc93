package se.asfplan.domain.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.domain.procurement.ProcurementFixtures.*;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.procurement.ProcurementCommands.CancelProcurementCommand;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.shared.OrganisationNumber;

/**
 * A procurement cancelled after its award keeps the award in its history, but the award no longer bars the
 * supplier's next reserved award, nor counts towards the year's direct-award sum.
 */
class CancellationTest {

    private final Ports ports = Ports.empty();

    @Test
    void withdrawsACancelledReservedAwardFromTheHistory() {
        ports.history().record(ID, AMN, new OrganisationNumber(ASF_NUMBER), AWARDED_ON, List.of(LISTED));
        ports.history().awarded(AMN, ASF_NUMBER, AWARDED_ON.minusYears(4));

        fixture(ports).given(announced(Procedure.RESERVED_WELFARE_SERVICES),
                        awarded(Procedure.RESERVED_WELFARE_SERVICES))
                .when(new CancelProcurementCommand(ID, "Avbruten efter överprövning", AWARDED_ON.plusDays(5), null))
                .expectEvents(new ProcurementCancelledEvent(ID, "Avbruten efter överprövning", AWARDED_ON.plusDays(5),
                        null));

        assertThat(ports.history().awardDates(AMN, new OrganisationNumber(ASF_NUMBER)))
                .containsExactly(AWARDED_ON.minusYears(4));
    }

    @Test
    void takesACancelledDirectAwardOutOfTheYearsSum() {
        ports.totals().spent(AMN, "städtjänster", 2023, "100000.00");
        ports.totals().record(ID, AMN, "städtjänster", 2023, new BigDecimal("450000.00"));

        fixture(ports).given(announced(Procedure.DIRECT_AWARD), awarded(Procedure.DIRECT_AWARD))
                .when(new CancelProcurementCommand(ID, "Avbruten", AWARDED_ON.plusDays(5), null))
                .expectEvents(new ProcurementCancelledEvent(ID, "Avbruten", AWARDED_ON.plusDays(5), null));

        assertThat(ports.totals().totalSoFar(AMN, "städtjänster", 2023)).isEqualByComparingTo("100000.00");
    }
}
