package se.asfplan.domain.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.shared.OrganisationNumber;

/** Value objects of procurement validate themselves. */
class ProcurementValuesTest {

    @Test
    void acceptsACpvCodeWrittenNNNNNNNNDashN() {
        assertThat(new CpvCode(" 85312000-9 ").value()).isEqualTo("85312000-9");
        assertThat(new CpvCode("85312000-9").subject()).isEqualTo(85312000);
    }

    @Test
    void refusesMalformedCpvCodes() {
        for (String malformed : new String[] {"853230009", "8532300-9", "85323000-", "85323000-99", "8532300a-9", ""}) {
            assertThatThrownBy(() -> new CpvCode(malformed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CPV code must be written NNNNNNNN-N");
        }
        assertThatThrownBy(() -> new CpvCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsMoneyToTheOre() {
        assertThat(Money.sek(new BigDecimal("700000"), "value")).isEqualTo(new BigDecimal("700000.00"));
        assertThat(Money.sek(new BigDecimal("0.01"), "value")).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.sek(new BigDecimal("12.500"), "value")).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void refusesFractionsOfAnOreAndNegativeAmounts() {
        assertThatThrownBy(() -> Money.sek(new BigDecimal("0.001"), "value"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value must be whole öre");
        assertThatThrownBy(() -> Money.sek(new BigDecimal("-1"), "value"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Money.sek(null, "value")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSoleTraderCarriesNoNumber() {
        assertThat(Supplier.aSoleTrader().organisationNumber()).isNull();
        assertThatThrownBy(() -> new Supplier(new OrganisationNumber("556677-8899"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without organisation number");
        assertThatThrownBy(() -> new Supplier(null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("or soleTrader true");
    }

    @Test
    void aSupplierCannotBeGivenAPersonnummer() {
        assertThatThrownBy(() -> Supplier.of("811218-9876")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("personal identity number");
    }

    @Test
    void aContractPeriodOfThreeYearsEndsTheDayBeforeTheThirdAnniversary() {
        LocalDate from = LocalDate.of(2024, 2, 29);
        assertThat(new ContractPeriod(from, LocalDate.of(2027, 2, 27)).runsAtMostYears(3)).isTrue();
        assertThat(new ContractPeriod(from, LocalDate.of(2027, 2, 28)).runsAtMostYears(3)).isFalse();
        assertThatThrownBy(() -> new ContractPeriod(from, from.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be before from");
    }

    @Test
    void aShareOfDisadvantagedEmployeesIsAPercentageToTheHundredth() {
        assertThatThrownBy(() -> new DisadvantagedEmployment(new BigDecimal("100.01"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> new DisadvantagedEmployment(new BigDecimal("29.999"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most two decimals");
        assertThat(new DisadvantagedEmployment(new BigDecimal("30"), null, " ").evidenceReference()).isNull();
    }

    @Test
    void aLegalGroundMustListCodesAndCiteItsSource() {
        LegalGround ground = new LegalGround("lou-19-25", "LOU 19 kap. 25 §");
        assertThatThrownBy(() -> new ReservedWelfareGround(ground, null, null, false, null, null, 3, 3, "seed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must list CPV codes");
        assertThatThrownBy(() -> new ReservedWelfareGround(ground, null, null, false,
                java.util.List.of(new CpvCode("80511000-9")), null, 3, 3, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must cite its source");
    }
}
