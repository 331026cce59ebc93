package se.asfplan.infra.enterprise;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.PlanActivities;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;

/**
 * Answers from the plan's own event stream, read in the command's transaction: an activity added a moment ago is
 * known, which a read model that follows the event store might not yet show.
 */
@Component
class EventStorePlanActivities implements PlanActivities {

    private final EventStore eventStore;

    EventStorePlanActivities(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean contains(PlanActivityReference reference) {
        return eventStore.readEvents(reference.planId().value()).asStream()
                .anyMatch(event -> event.getPayload() instanceof ActivityAddedEvent added
                        && added.planId().equals(reference.planId())
                        && added.activityId().equals(reference.activityId()));
    }
}
