package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The list of every plan event that serialisation checks and projections rely on. */
class PlanEventsTest {

    @Test
    void listsEveryEventDeclaredInPlanEventsExactlyOnce() {
        List<Class<?>> declared = Arrays.stream(PlanEvents.class.getDeclaredClasses())
                .filter(PlanEvent.class::isAssignableFrom)
                .toList();

        assertThat(declared).isNotEmpty();
        assertThat(List.<Class<?>>copyOf(PlanEvents.ALL)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared);
    }
}
