package se.asfplan.domain.retraction;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.asfplan.domain.shared.FactName;

import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCancelledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementEvaluatedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementNotDividedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.TenderReceivedEvent;

/**
 * The kinds of fact a retraction can name, each with the event that records it and the name a retraction event
 * stores for it (its {@code retractedFact}), which the event declares once with {@link FactName}. The stored name
 * is part of the persisted contract: it never changes, even when the event class is renamed or moved.
 *
 * <p>Only the facts listed here can be retracted (an aggregate notes each of them in its
 * {@link se.asfplan.domain.shared.RetractableFacts}); a projection that undoes a retracted fact resolves the stored
 * name with {@link #named(String)} and dispatches on the constant.
 */
public enum FactType {

    // An enterprise's invitations, Integrationspakten membership steps, advice and participations
    INVITED_TO_INTEGRATIONSPAKTEN(InvitedToIntegrationspaktenEvent.class),
    JOINED_INTEGRATIONSPAKTEN(JoinedIntegrationspaktenEvent.class),
    INTEGRATIONSPAKTEN_LEVEL_CHANGED(IntegrationspaktenLevelChangedEvent.class),
    LEFT_INTEGRATIONSPAKTEN(LeftIntegrationspaktenEvent.class),
    INVITED_TO_REFERENCE_GROUP(InvitedToReferenceGroupEvent.class),
    JOINED_REFERENCE_GROUP(JoinedReferenceGroupEvent.class),
    INVITED_TO_BUSINESS_DIALOGUE(InvitedToBusinessDialogueEvent.class),
    BUSINESS_ADVICE_RECEIVED(BusinessAdviceReceivedEvent.class),
    EVENT_PARTICIPATION_RECORDED(EventParticipationRecordedEvent.class),

    // A held meeting
    MEETING_HELD(MeetingHeldEvent.class),

    // A plan's activity steps, progress notes and goal outcome reports
    ACTIVITY_STARTED(ActivityStartedEvent.class),
    ACTIVITY_PROGRESS_REPORTED(ActivityProgressReportedEvent.class),
    ACTIVITY_COMPLETED(ActivityCompletedEvent.class),
    ACTIVITY_CANCELLED(ActivityCancelledEvent.class),
    GOAL_OUTCOME_REPORTED(GoalOutcomeReportedEvent.class),

    // A procurement's decision on lots, tenders, completion and evaluations
    PROCUREMENT_DIVIDED_INTO_LOTS(ProcurementDividedIntoLotsEvent.class),
    PROCUREMENT_NOT_DIVIDED(ProcurementNotDividedEvent.class),
    TENDER_RECEIVED(TenderReceivedEvent.class),
    PROCUREMENT_COMPLETED(ProcurementCompletedEvent.class),
    PROCUREMENT_EVALUATED(ProcurementEvaluatedEvent.class);

    private static final Map<String, FactType> BY_STORED_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FactType::storedName, Function.identity()));
    private static final Map<Class<?>, FactType> BY_EVENT_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FactType::eventType, Function.identity()));

    private final Class<? extends Record> eventType;

    FactType(Class<? extends Record> eventType) {
        this.eventType = eventType;
    }

    /** The name a retraction event stores in {@code retractedFact} for a fact of this type; never changes. */
    public String storedName() {
        FactName name = eventType.getAnnotation(FactName.class);
        if (name == null) {
            throw new IllegalStateException(eventType.getName() + " must declare its stored name with @FactName");
        }
        return name.value();
    }

    /** The event that records a fact of this type. */
    public Class<? extends Record> eventType() {
        return eventType;
    }

    /**
     * The type of the fact an event records.
     *
     * @throws IllegalArgumentException when no retraction can name such an event (a programming error: only the
     *                                  facts listed here are retractable)
     */
    public static FactType of(Object event) {
        return recordedBy(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
                event.getClass().getName() + " records no retractable fact"));
    }

    /** The type of the fact an event of the given type records; empty when no retraction can name such an event. */
    public static Optional<FactType> recordedBy(Class<?> eventType) {
        return Optional.ofNullable(BY_EVENT_TYPE.get(eventType));
    }

    /**
     * The fact type a stored retraction names.
     *
     * @throws IllegalArgumentException for a name no retractable fact has ever been stored under (a retraction that
     *                                  cannot be undone must fail loudly, not be skipped)
     */
    public static FactType named(String storedName) {
        FactType type = BY_STORED_NAME.get(storedName);
        if (type == null) {
            throw new IllegalArgumentException("No retractable fact is stored under the name '" + storedName + "'");
        }
        return type;
    }
}
