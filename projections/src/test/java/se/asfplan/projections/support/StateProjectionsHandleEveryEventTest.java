package se.asfplan.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.asfplan.domain.enterprise.EnterpriseEvents;
import se.asfplan.domain.meeting.MeetingEvents;
import se.asfplan.domain.party.PartyEvents;
import se.asfplan.domain.plan.PlanEvents;
import se.asfplan.domain.procurement.ProcurementEvents;
import se.asfplan.projections.enterprise.EnterpriseRegisterProjection;
import se.asfplan.projections.meeting.MeetingProjection;
import se.asfplan.projections.party.PartyRegisterProjection;
import se.asfplan.projections.plan.PlanViewProjection;
import se.asfplan.projections.procurement.ProcurementProjection;

/**
 * A state read model applies an event only when it is the next of its record ({@link AggregateSequence}), so it must
 * handle every event type of its record, and events of a type without a class: otherwise the record's next event
 * would look like one after a gap and be parked.
 */
class StateProjectionsHandleEveryEventTest {

    static List<Arguments> stateProjections() {
        return List.of(Arguments.of(PlanViewProjection.class, PlanEvents.ALL),
                Arguments.of(EnterpriseRegisterProjection.class, EnterpriseEvents.ALL),
                Arguments.of(MeetingProjection.class, MeetingEvents.ALL),
                Arguments.of(ProcurementProjection.class, ProcurementEvents.ALL),
                Arguments.of(PartyRegisterProjection.class, PartyEvents.ALL));
    }

    @ParameterizedTest
    @MethodSource("stateProjections")
    void handlesEveryEventTypeOfItsRecordAndEventsOfUnknownType(Class<?> projection, List<Class<?>> events) {
        Set<Class<?>> handled = Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes).filter(types -> types.length > 0).map(types -> types[0])
                .collect(Collectors.toSet());
        assertThat(handled).as(projection.getSimpleName()).containsAll(events).contains(UnknownSerializedType.class);
    }
}
