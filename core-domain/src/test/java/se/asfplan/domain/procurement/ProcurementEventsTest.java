package se.asfplan.domain.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The list of every procurement event that tools and projections rely on. */
class ProcurementEventsTest {

    @Test
    void listsEveryEventDeclaredInProcurementEventsExactlyOnce() {
        List<Class<?>> declared = Arrays.stream(ProcurementEvents.class.getDeclaredClasses())
                .filter(ProcurementEvent.class::isAssignableFrom)
                .toList();

        assertThat(declared).hasSize(10);
        assertThat(List.<Class<?>>copyOf(ProcurementEvents.ALL)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared);
    }
}
