package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.shared.RuleCode.Refusal;

/** The codes clients and auditors rely on: stable, readable and of the right kind. */
class PlanRuleTest {

    @Test
    void everyCodeIsTheRuleNameInKebabCase() {
        assertThat(PlanRule.values()).allSatisfy(rule ->
                assertThat(rule.code()).isEqualTo(rule.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    @Test
    void aRuleAboutSomethingThatMustExistIsANotFoundRefusal() {
        assertThat(Arrays.stream(PlanRule.values()).filter(rule -> rule.name().endsWith("_MUST_EXIST")))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.refusal()).isEqualTo(Refusal.NOT_FOUND));
    }

    @Test
    void aRuleAboutUniquenessIsAConflictRefusal() {
        assertThat(Arrays.stream(PlanRule.values()).filter(rule -> rule.name().endsWith("_MUST_BE_UNIQUE")))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.refusal()).isEqualTo(Refusal.CONFLICT));
    }

    @Test
    void thePlanRulesAreThePlansOwnWithoutLegalReference() {
        assertThat(PlanRule.values()).allSatisfy(rule -> assertThat(rule.legalReference()).isNull());
    }
}
