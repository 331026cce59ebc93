package se.asfplan.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanRule;

/** A refusal names its rule and states it in words. */
class RuleViolationExceptionTest {

    @Test
    void carriesTheRuleAndTheMessage() {
        RuleViolationException refusal = new RuleViolationException(PlanRule.GOAL_MUST_EXIST, "No goal x");
        assertThat(refusal.rule()).isEqualTo(PlanRule.GOAL_MUST_EXIST);
        assertThat(refusal).hasMessage("No goal x");
    }

    @Test
    void needsARule() {
        assertThatNullPointerException().isThrownBy(() -> new RuleViolationException(null, "No goal x"))
                .withMessage("rule");
    }
}
