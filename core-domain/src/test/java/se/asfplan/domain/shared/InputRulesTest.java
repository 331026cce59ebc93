package se.asfplan.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.procurement.CpvCode;

/**
 * Values that today's input rules refuse are refused when made by a command, and read as recorded while a stored
 * event is read (the rules suspended); normalisation that cannot fail still applies.
 */
class InputRulesTest {

    @Test
    void anOrganisationNumberWithAWrongCheckDigitIsRefusedAsInputAndReadAsStored() {
        assertThatThrownBy(() -> new OrganisationNumber("556677-8890"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit");
        OrganisationNumber stored = InputRules.suspendedWhile(() -> new OrganisationNumber("5566778890"));
        assertThat(stored.value()).isEqualTo("556677-8890");
        assertThat(InputRules.suspendedWhile(() -> new OrganisationNumber("12-34")).value()).isEqualTo("12-34");
    }

    @Test
    void aNegativeTargetIsRefusedAsInputAndReadAsStored() {
        assertThatThrownBy(() -> new Target(TargetComparator.AT_LEAST, new BigDecimal("-3"), "st"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        Target stored = InputRules.suspendedWhile(
                () -> new Target(TargetComparator.AT_LEAST, new BigDecimal("-3.00"), " st "));
        assertThat(stored.value()).isEqualByComparingTo("-3");
        assertThat(stored.unit()).isEqualTo("st");
    }

    @Test
    void textsIdsYearsAndListsReadAsStored() {
        assertThatThrownBy(() -> new EnterpriseId("Not A Slug")).isInstanceOf(IllegalArgumentException.class);
        assertThat(InputRules.suspendedWhile(() -> new EnterpriseId("Not A Slug")).value()).isEqualTo("Not A Slug");
        assertThat(InputRules.suspendedWhile(() -> new PlanPeriod(1800, 1700)).fromYear()).isEqualTo(1800);
        assertThat(InputRules.suspendedWhile(() -> new Timeline(null, 2024)).toYear()).isEqualTo(2024);
        assertThat(InputRules.suspendedWhile(() -> new CpvCode("123")).value()).isEqualTo("123");
        String longName = "x".repeat(EnterpriseDetails.NAME_MAX + 1);
        EnterpriseDetails details = InputRules.suspendedWhile(() -> new EnterpriseDetails(longName, null,
                List.of("a", "a"), "Stockholm", null, null, null));
        assertThat(details.name()).isEqualTo(longName);
        assertThat(details.linesOfBusiness()).containsExactly("a", "a");
        Responsibility nobody = InputRules.suspendedWhile(() -> new Responsibility(" ", List.of()));
        assertThat(nobody.lead()).isEmpty();
    }

    @Test
    void theRulesApplyAgainAfterReadingAndWhileNestedReadsEnd() {
        InputRules.suspendedWhile(() -> InputRules.suspendedWhile(() -> "nested"));
        assertThat(InputRules.apply()).isTrue();
        assertThatThrownBy(() -> InputRules.suspendedWhile(() -> {
            throw new IllegalStateException("broken payload");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(InputRules.apply()).isTrue();
        assertThatThrownBy(() -> new EnterpriseDetails("Kafé", LegalForm.EKONOMISK_FORENING, List.of(), "Stockholm",
                null, null, List.of())).hasMessageContaining("criteria");
    }
}
