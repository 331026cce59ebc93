package se.asfplan.domain.retraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseEvents;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.meeting.MeetingEvents;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityRescheduledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityResponsibilityChangedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanScopeSetEvent;
import se.asfplan.domain.plan.PlanEvents.RecurringGoalSetEvent;
import se.asfplan.domain.party.PartyEvents;
import se.asfplan.domain.round.RoundEvents;
import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.procurement.ProcurementEvents;
import se.asfplan.domain.shared.FactName;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;

/**
 * The names under which retractions store the fact they retract are a persisted contract: pinned here as they were
 * first written, so that renaming an event class cannot silently change what a stored retraction names.
 */
class FactTypeTest {

    /** Every retractable fact with the name stored retractions use for it, as written since the first release. */
    private static final Map<FactType, String> STORED_NAMES = storedNames();

    /** Events no retraction can name: the record's own lifecycle, its changes, and the retractions themselves. */
    private static final Set<Class<?>> NOT_RETRACTABLE = Set.of(
            SocialEnterpriseRegisteredEvent.class, SocialEnterpriseDetailsChangedEvent.class,
            SocialEnterpriseClosedEvent.class, EnterpriseFactRetractedEvent.class,
            // an erased name is gone for good: the key it was stored under no longer exists
            EnterpriseEvents.SoleTraderNameErasedEvent.class,
            MeetingParticipantsCorrectedEvent.class, MeetingFactRetractedEvent.class,
            PlanAdoptedEvent.class, PlanRevisedEvent.class, AreaAddedEvent.class, ActivityAddedEvent.class,
            ActivityRescheduledEvent.class, ActivityResponsibilityChangedEvent.class, GoalSetEvent.class,
            RecurringGoalSetEvent.class, PartyRegisteredEvent.class, PartyDetailsChangedEvent.class,
            PartyNameRecordedEvent.class, PlanScopeSetEvent.class,
            GoalRevisedEvent.class, GoalWithdrawnEvent.class, PlanFactRetractedEvent.class,
            PlanDecisionRecordedEvent.class, PlanDecisionCorrectedEvent.class,
            ProcurementPlannedEvent.class, ProcurementAnnouncedEvent.class, ContractAwardedEvent.class,
            ProcurementCancelledEvent.class, ProcurementFactRetractedEvent.class,
            // a follow-up round corrects itself by its own flow (returned, submitted again); its report stays
            RoundEvents.FollowUpRoundOpenedEvent.class, RoundEvents.AssessmentSubmittedEvent.class,
            RoundEvents.AssessmentReturnedEvent.class, RoundEvents.AssessmentApprovedEvent.class,
            RoundEvents.AssessmentMarkedUnansweredEvent.class, RoundEvents.FollowUpRoundClosedEvent.class);

    private static Map<FactType, String> storedNames() {
        Map<FactType, String> names = new LinkedHashMap<>();
        names.put(FactType.INVITED_TO_INTEGRATIONSPAKTEN, "InvitedToIntegrationspaktenEvent");
        names.put(FactType.JOINED_INTEGRATIONSPAKTEN, "JoinedIntegrationspaktenEvent");
        names.put(FactType.INTEGRATIONSPAKTEN_LEVEL_CHANGED, "IntegrationspaktenLevelChangedEvent");
        names.put(FactType.LEFT_INTEGRATIONSPAKTEN, "LeftIntegrationspaktenEvent");
        names.put(FactType.INVITED_TO_REFERENCE_GROUP, "InvitedToReferenceGroupEvent");
        names.put(FactType.JOINED_REFERENCE_GROUP, "JoinedReferenceGroupEvent");
        names.put(FactType.INVITED_TO_BUSINESS_DIALOGUE, "InvitedToBusinessDialogueEvent");
        names.put(FactType.BUSINESS_ADVICE_RECEIVED, "BusinessAdviceReceivedEvent");
        names.put(FactType.EVENT_PARTICIPATION_RECORDED, "EventParticipationRecordedEvent");
        names.put(FactType.MEETING_HELD, "MeetingHeldEvent");
        names.put(FactType.ACTIVITY_STARTED, "ActivityStartedEvent");
        names.put(FactType.ACTIVITY_PROGRESS_REPORTED, "ActivityProgressReportedEvent");
        names.put(FactType.ACTIVITY_COMPLETED, "ActivityCompletedEvent");
        names.put(FactType.ACTIVITY_CANCELLED, "ActivityCancelledEvent");
        names.put(FactType.GOAL_OUTCOME_REPORTED, "GoalOutcomeReportedEvent");
        names.put(FactType.PROCUREMENT_DIVIDED_INTO_LOTS, "ProcurementDividedIntoLotsEvent");
        names.put(FactType.PROCUREMENT_NOT_DIVIDED, "ProcurementNotDividedEvent");
        names.put(FactType.TENDER_RECEIVED, "TenderReceivedEvent");
        names.put(FactType.PROCUREMENT_COMPLETED, "ProcurementCompletedEvent");
        names.put(FactType.PROCUREMENT_EVALUATED, "ProcurementEvaluatedEvent");
        return names;
    }

    private static List<Class<?>> everyEvent() {
        return Stream.of(EnterpriseEvents.ALL, MeetingEvents.ALL, PlanEvents.ALL, ProcurementEvents.ALL, PartyEvents.ALL,
                        RoundEvents.ALL)
                .flatMap(List::stream).<Class<?>>map(type -> type).toList();
    }

    @Test
    void everyRetractableFactKeepsTheNameItWasFirstStoredUnder() {
        assertThat(Arrays.stream(FactType.values()).collect(Collectors.toMap(type -> type, FactType::storedName)))
                .isEqualTo(STORED_NAMES);
    }

    @Test
    void everyEventIsEitherARetractableFactOrDecidedNotToBe() {
        Set<Class<?>> retractable = Arrays.stream(FactType.values()).map(FactType::eventType)
                .collect(Collectors.toSet());
        assertThat(retractable).doesNotContainAnyElementsOf(NOT_RETRACTABLE);
        assertThat(everyEvent()).as("a new event must be listed as a FactType or in NOT_RETRACTABLE")
                .allSatisfy(event -> assertThat(retractable.contains(event) || NOT_RETRACTABLE.contains(event))
                        .as(event.getSimpleName()).isTrue());
        assertThat(everyEvent()).containsAll(retractable);
    }

    @Test
    void exactlyTheRetractableEventsDeclareTheirStoredName() {
        Set<Class<?>> named = everyEvent().stream().filter(event -> event.isAnnotationPresent(FactName.class))
                .collect(Collectors.toSet());
        assertThat(named).isEqualTo(Arrays.stream(FactType.values()).map(FactType::eventType)
                .collect(Collectors.toSet()));
        assertThat(FactName.Of.event(new ProcurementEvents.ProcurementCompletedEvent(null, null, null)))
                .isEqualTo("ProcurementCompletedEvent");
        assertThatThrownBy(() -> FactName.Of.event(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("records no retractable fact");
    }

    @Test
    void storedNamesAndEventTypesAreUnique() {
        assertThat(Arrays.stream(FactType.values()).map(FactType::storedName)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(FactType.values()).map(FactType::eventType)).doesNotHaveDuplicates();
    }

    @Test
    void aStoredNameResolvesToTheEventThatRecordsTheFact() {
        STORED_NAMES.forEach((type, name) -> assertThat(FactType.named(name)).isEqualTo(type));
        assertThat(FactType.named("TenderReceivedEvent").eventType())
                .isEqualTo(ProcurementEvents.TenderReceivedEvent.class);
    }

    @Test
    void refusesANameNoRetractableFactIsStoredUnder() {
        assertThatThrownBy(() -> FactType.named("PlanAdoptedEvent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PlanAdoptedEvent");
    }

    @Test
    void findsTheFactTypeOfAnEventTypeOnlyForRetractableFacts() {
        assertThat(FactType.recordedBy(ProcurementEvents.TenderReceivedEvent.class))
                .contains(FactType.TENDER_RECEIVED);
        assertThat(FactType.recordedBy(PlanAdoptedEvent.class)).isEmpty();
    }

    @Test
    void refusesAnEventThatRecordsNoRetractableFact() {
        assertThatThrownBy(() -> FactType.of(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("records no retractable fact");
    }
}
