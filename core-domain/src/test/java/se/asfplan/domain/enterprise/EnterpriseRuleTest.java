package se.asfplan.domain.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.meeting.MeetingRule;
import se.asfplan.domain.shared.RuleCode;
import se.asfplan.domain.shared.RuleCode.Refusal;

/** The codes of the register's and the meetings' rules: stable, readable and of the right kind. */
class EnterpriseRuleTest {

    private static Stream<RuleCode> rules() {
        return Stream.concat(Arrays.stream(EnterpriseRule.values()), Arrays.stream(MeetingRule.values()));
    }

    @Test
    void everyCodeIsTheRuleNameInKebabCase() {
        assertThat(rules()).allSatisfy(rule -> assertThat(rule.code())
                .isEqualTo(((Enum<?>) rule).name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    @Test
    void aRuleAboutUniquenessOrDoingSomethingOnceIsAConflictRefusal() {
        assertThat(rules().filter(rule -> rule.code().endsWith("-must-be-unique") || rule.code().endsWith("-once")))
                .hasSize(7)
                .allSatisfy(rule -> assertThat(rule.refusal()).isEqualTo(Refusal.CONFLICT));
    }

    @Test
    void aRuleAboutSomethingRecordedFirstIsANotFoundRefusal() {
        assertThat(rules().filter(rule -> rule.code().endsWith("-first")))
                .containsExactlyInAnyOrder(EnterpriseRule.ENTERPRISE_MUST_BE_REGISTERED_FIRST,
                        MeetingRule.MEETING_MUST_BE_RECORDED_FIRST)
                .allSatisfy(rule -> assertThat(rule.refusal()).isEqualTo(Refusal.NOT_FOUND));
    }

    @Test
    void theRulesAreTheMunicipalitysOwnWithoutLegalReference() {
        assertThat(rules()).allSatisfy(rule -> assertThat(rule.legalReference()).isNull());
    }
}
