package se.asfplan.domain.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.FactName;

/**
 * What happened to a social enterprise. These records are the persisted contract of the event store: never
 * rename, move or reshape one without a revision and an upcaster. New optional fields may be added (old events
 * read them as null). No event holds personal data in clear: a sole trader's registration has no organisation
 * number, and its name (usually the owner's) is stored encrypted under a key of its own (see
 * {@link se.asfplan.domain.shared.PersonalNames}).
 */
public final class EnterpriseEvents {

    private EnterpriseEvents() {
    }

    public record SocialEnterpriseRegisteredEvent(EnterpriseId enterpriseId, OrganisationNumber organisationNumber,
                                                  EnterpriseDetails details, LocalDate occurredOn,
                                                  PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    public record SocialEnterpriseDetailsChangedEvent(EnterpriseId enterpriseId, EnterpriseDetails details,
                                                      LocalDate occurredOn, PlanActivityReference carriesOut)
            implements EnterpriseEvent {
    }

    public record SocialEnterpriseClosedEvent(EnterpriseId enterpriseId, String reason, LocalDate occurredOn,
                                              PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("InvitedToIntegrationspaktenEvent")
    public record InvitedToIntegrationspaktenEvent(EnterpriseId enterpriseId, LocalDate occurredOn,
                                                   PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("JoinedIntegrationspaktenEvent")
    public record JoinedIntegrationspaktenEvent(EnterpriseId enterpriseId, IntegrationspaktenLevel level,
                                                LocalDate occurredOn, PlanActivityReference carriesOut)
            implements EnterpriseEvent {
    }

    @FactName("IntegrationspaktenLevelChangedEvent")
    public record IntegrationspaktenLevelChangedEvent(EnterpriseId enterpriseId, IntegrationspaktenLevel from,
                                                      IntegrationspaktenLevel to, LocalDate occurredOn,
                                                      PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("LeftIntegrationspaktenEvent")
    public record LeftIntegrationspaktenEvent(EnterpriseId enterpriseId, LocalDate occurredOn,
                                              PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("InvitedToReferenceGroupEvent")
    public record InvitedToReferenceGroupEvent(EnterpriseId enterpriseId, LocalDate occurredOn,
                                               PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("JoinedReferenceGroupEvent")
    public record JoinedReferenceGroupEvent(EnterpriseId enterpriseId, LocalDate occurredOn,
                                            PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("InvitedToBusinessDialogueEvent")
    public record InvitedToBusinessDialogueEvent(EnterpriseId enterpriseId, String dialogue, LocalDate occurredOn,
                                                 PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    @FactName("BusinessAdviceReceivedEvent")
    public record BusinessAdviceReceivedEvent(EnterpriseId enterpriseId, String provider, BigDecimal hours,
                                              LocalDate occurredOn, PlanActivityReference carriesOut)
            implements EnterpriseEvent {
    }

    @FactName("EventParticipationRecordedEvent")
    public record EventParticipationRecordedEvent(EnterpriseId enterpriseId, ParticipationKind kind,
                                                  String eventName, LocalDate occurredOn,
                                                  PlanActivityReference carriesOut) implements EnterpriseEvent {
    }

    /**
     * A fact of this enterprise recorded in error is retracted: the event {@code retractedEventId}, a
     * {@code retractedFact} (what it was, e.g. {@code InvitedToIntegrationspaktenEvent}), no longer counts from
     * the moment this event is recorded; a retracted membership step restores the membership before it.
     * {@code occurredOn} is the day of the retraction. A retraction carries out no plan activity.
     * {@code retractedFact} is the stored name of a {@link se.asfplan.domain.shared.FactName}: it never changes,
     * even when the retracted event's class is renamed.
     */
    public record EnterpriseFactRetractedEvent(EnterpriseId enterpriseId, String retractedEventId,
                                               String retractedFact, String reason, LocalDate occurredOn)
            implements EnterpriseEvent {

        @Override
        public PlanActivityReference carriesOut() {
            return null;
        }
    }

    /**
     * A sole trader's name was erased (gallring): the key every event of the enterprise stored its name under is
     * destroyed in the same transaction, so reads show {@link se.asfplan.domain.shared.PersonalNames#ERASED} in its
     * place. The event holds the basis and reason, never the name; {@code occurredOn} is the day of the erasure.
     */
    public record SoleTraderNameErasedEvent(EnterpriseId enterpriseId, String gallringDecision, String reason,
                                            LocalDate occurredOn) implements EnterpriseEvent {

        @Override
        public PlanActivityReference carriesOut() {
            return null;
        }
    }

    /** Every enterprise event type, for tools that must know them all (serialisation checks, projections). */
    public static final List<Class<? extends EnterpriseEvent>> ALL = List.of(SocialEnterpriseRegisteredEvent.class,
            SocialEnterpriseDetailsChangedEvent.class, SocialEnterpriseClosedEvent.class,
            InvitedToIntegrationspaktenEvent.class, JoinedIntegrationspaktenEvent.class,
            IntegrationspaktenLevelChangedEvent.class, LeftIntegrationspaktenEvent.class,
            InvitedToReferenceGroupEvent.class, JoinedReferenceGroupEvent.class, InvitedToBusinessDialogueEvent.class,
            BusinessAdviceReceivedEvent.class, EventParticipationRecordedEvent.class,
            EnterpriseFactRetractedEvent.class, SoleTraderNameErasedEvent.class);
}
