package se.asfplan.domain.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.asfplan.domain.shared.CommandChecks.required;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.EraseSoleTraderNameCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.CloseSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToBusinessDialogueCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordBusinessAdviceCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordEventParticipationCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RetractEnterpriseFactCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SoleTraderNameErasedEvent;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.domain.shared.CommandChecks;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.PersonalDataKeys;
import se.asfplan.domain.shared.PersonalNames;
import se.asfplan.domain.shared.RetractableFacts;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.domain.shared.Values;

/**
 * A social enterprise in the register, with what the plan's activities did with it: invited to and member of
 * Integrationspakten (at a configured level) and its reference group, invited to SBR's business dialogues,
 * advised, taking part in events. Once closed, nothing may be recorded for a date after its closing date; facts
 * from before it may still be recorded late.
 *
 * <p>Command handlers check and then apply; event handlers only assign state.
 */
@AggregateRoot(type = "SocialEnterprise")
public class SocialEnterprise {

    public static final int TEXT_MAX = 300;
    public static final int REASON_MAX = 2000;
    /** Hours of advice are given to at most two decimals (quarter hours and minutes as 0.25, 0.5, ...). */
    public static final int HOURS_SCALE = 2;

    @AggregateIdentifier
    private EnterpriseId enterpriseId;
    private boolean registered;
    private LocalDate registeredOn;
    private EnterpriseDetails details;
    private LocalDate closedOn;
    /** The day the sole trader's name was erased (gallring), or null. */
    private LocalDate nameErasedOn;
    /** The latest date of the facts no retraction can take back: registration, details changed, closing. */
    private LocalDate latestLastingFactOn;
    /** The dates of the retractable facts not retracted, by the identifier of the event that recorded each. */
    private final Map<String, LocalDate> retractableFactDates = new HashMap<>();
    /** The membership steps of Integrationspakten not retracted, which decide the level in force. */
    private final EnterpriseStanding<String> integrationspakten = new EnterpriseStanding<>();
    private LocalDate referenceGroupJoinedOn;
    /** The event that joined the reference group, while not retracted. */
    private String referenceGroupJoinEventId;
    /** The invitations, memberships, advice and participations a retraction may name. */
    private final RetractableFacts retractable = new RetractableFacts();

    /** For Axon: rebuilds the enterprise from its events. */
    protected SocialEnterprise() {
    }

    // ---------------------------------------------------------------------------------------------- register

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterSocialEnterpriseCommand command, Clock clock, EnterpriseRegister register,
                       PlanActivities activities) {
        if (registered) {
            throw new RuleViolationException(EnterpriseRule.ENTERPRISE_ID_MUST_BE_UNIQUE,
                    "An enterprise " + enterpriseId + " was already registered on " + registeredOn
                            + "; change its details instead");
        }
        EnterpriseId id = required(command.enterpriseId(), "enterpriseId");
        EnterpriseDetails newDetails = notTheErasedMarker(required(command.details(), "details"));
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                EnterpriseRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        OrganisationNumber number = command.organisationNumber();
        soleTraderIsRegisteredWithoutOrganisationNumber(newDetails.legalForm(), number);
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        register.registerNumber(id, number, newDetails.countsAsAsf());
        apply(new SocialEnterpriseRegisteredEvent(id, number, newDetails, occurredOn, carriesOut));
    }

    @CommandHandler
    public void handle(ChangeSocialEnterpriseDetailsCommand command, Clock clock, EnterpriseRegister register,
                       PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        EnterpriseDetails newDetails = notTheErasedMarker(required(command.details(), "details"));
        if (nameErasedOn != null) {
            throw new RuleViolationException(EnterpriseRule.ERASED_NAME_CANNOT_CHANGE,
                    "Enterprise " + enterpriseId + "'s name was erased on " + nameErasedOn
                            + "; its details can no longer change");
        }
        if (newDetails.equals(details)) {
            throw new RuleViolationException(EnterpriseRule.DETAILS_CHANGE_MUST_CHANGE_SOMETHING,
                    "Enterprise " + enterpriseId + " already has exactly these details");
        }
        if (newDetails.legalForm().hasOrganisationNumber() != details.legalForm().hasOrganisationNumber()) {
            throw new RuleViolationException(EnterpriseRule.SOLE_TRADER_LEGAL_FORM_CANNOT_CHANGE,
                    "Enterprise " + enterpriseId + " is registered as " + details.legalForm().swedishName()
                            + " and cannot become " + newDetails.legalForm().swedishName() + ": a sole trader and a"
                            + " legal person are different enterprises; register the new one");
        }
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        if (newDetails.countsAsAsf() != details.countsAsAsf()) {
            register.updateStatus(enterpriseId, newDetails.countsAsAsf());
        }
        apply(new SocialEnterpriseDetailsChangedEvent(enterpriseId, newDetails, occurredOn, carriesOut));
    }

    @CommandHandler
    public void handle(CloseSocialEnterpriseCommand command, Clock clock, EnterpriseRegister register,
                       PlanActivities activities) {
        if (closedOn != null) {
            throw new RuleViolationException(EnterpriseRule.ENTERPRISE_CAN_BE_CLOSED_ONCE,
                    "Enterprise " + enterpriseId + " was already closed on " + closedOn);
        }
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        LocalDate latestFactOn = latestFactOn();
        if (occurredOn.isBefore(latestFactOn)) {
            throw new RuleViolationException(EnterpriseRule.CLOSING_MUST_NOT_PRECEDE_RECORDED_FACTS,
                    "Enterprise " + enterpriseId + " has facts recorded up to " + latestFactOn
                            + "; it cannot have closed before that, on " + occurredOn);
        }
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        register.markClosed(enterpriseId, occurredOn);
        apply(new SocialEnterpriseClosedEvent(enterpriseId, reason, occurredOn, carriesOut));
    }

    /**
     * Erases a closed sole trader's name on a gallring decision: records the erasure, then destroys the key the name
     * is stored under (in the same transaction, so a refused or failed erasure destroys nothing).
     */
    @CommandHandler
    public void handle(EraseSoleTraderNameCommand command, Clock clock, PersonalDataKeys keys) {
        if (details.legalForm() != LegalForm.ENSKILD_FIRMA) {
            throw new RuleViolationException(EnterpriseRule.ONLY_A_SOLE_TRADERS_NAME_CAN_BE_ERASED,
                    "Enterprise " + enterpriseId + " is " + details.legalForm().swedishName()
                            + ": only a sole trader's (enskild firma) name is personal data that can be erased");
        }
        if (nameErasedOn != null) {
            throw new RuleViolationException(EnterpriseRule.NAME_CAN_BE_ERASED_ONCE,
                    "Enterprise " + enterpriseId + "'s name was already erased on " + nameErasedOn);
        }
        if (closedOn == null) {
            throw new RuleViolationException(EnterpriseRule.NAME_CAN_BE_ERASED_ONLY_AFTER_CLOSING,
                    "Enterprise " + enterpriseId + " is not closed: the archive rules keep the records of an"
                            + " enterprise in the register; close it first, then erase its name");
        }
        String decision = Values.text(command.gallringDecision(), "gallringDecision", TEXT_MAX);
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        apply(new SoleTraderNameErasedEvent(enterpriseId, decision, reason, BusinessCalendar.today(clock)));
        keys.destroy(personalDataSubject(enterpriseId));
    }

    /**
     * The subject whose key the enterprise's personal data (a sole trader's name) is encrypted under: one key per
     * enterprise, since a sole trader is one person.
     */
    public static String personalDataSubject(EnterpriseId enterpriseId) {
        return PERSONAL_DATA_SUBJECT_PREFIX + enterpriseId.value();
    }

    /** What {@link #personalDataSubject} puts before the enterprise id. */
    public static final String PERSONAL_DATA_SUBJECT_PREFIX = "enterprise:";

    // ---------------------------------------------------------------------------------------------- Integrationspakten

    @CommandHandler
    public void handle(InviteToIntegrationspaktenCommand command, Clock clock, PlanActivities activities) {
        apply(new InvitedToIntegrationspaktenEvent(enterpriseId, recordable(command.occurredOn(), clock),
                carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(JoinIntegrationspaktenCommand command, Clock clock, IntegrationspaktenLevels levels,
                       PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        IntegrationspaktenLevel integrationspaktenLevel = integrationspakten.integrationspaktenLevel();
        if (integrationspaktenLevel != null) {
            throw new RuleViolationException(EnterpriseRule.CAN_JOIN_INTEGRATIONSPAKTEN_ONCE,
                    "Enterprise " + enterpriseId + " is a member of Integrationspakten since "
                            + integrationspakten.integrationspaktenMemberSince() + " at level "
                            + integrationspaktenLevel
                            + "; change its level instead");
        }
        integrationspaktenStepMustFollow(occurredOn, "join");
        IntegrationspaktenLevel level = configuredLevel(command.level(), levels);
        apply(new JoinedIntegrationspaktenEvent(enterpriseId, level, occurredOn,
                carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(ChangeIntegrationspaktenLevelCommand command, Clock clock, IntegrationspaktenLevels levels,
                       PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        IntegrationspaktenLevel integrationspaktenLevel = integrationspakten.integrationspaktenLevel();
        if (integrationspaktenLevel == null) {
            throw new RuleViolationException(EnterpriseRule.LEVEL_CHANGE_NEEDS_MEMBERSHIP,
                    "Enterprise " + enterpriseId + " is not a member of Integrationspakten; it must join first");
        }
        integrationspaktenStepMustFollow(occurredOn, "level change");
        IntegrationspaktenLevel level = configuredLevel(command.level(), levels);
        if (level.equals(integrationspaktenLevel)) {
            throw new RuleViolationException(EnterpriseRule.LEVEL_CHANGE_MUST_CHANGE_LEVEL,
                    "Enterprise " + enterpriseId + " is already a member at level " + level);
        }
        apply(new IntegrationspaktenLevelChangedEvent(enterpriseId, integrationspaktenLevel, level, occurredOn,
                carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(LeaveIntegrationspaktenCommand command, Clock clock, PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (integrationspakten.integrationspaktenLevel() == null) {
            throw new RuleViolationException(EnterpriseRule.CAN_LEAVE_ONLY_AS_MEMBER,
                    "Enterprise " + enterpriseId + " is not a member of Integrationspakten and cannot leave it");
        }
        integrationspaktenStepMustFollow(occurredOn, "leaving");
        apply(new LeftIntegrationspaktenEvent(enterpriseId, occurredOn, carriedOut(command.carriesOut(), activities)));
    }

    // ---------------------------------------------------------------------------------------------- business support

    @CommandHandler
    public void handle(InviteToReferenceGroupCommand command, Clock clock, PlanActivities activities) {
        apply(new InvitedToReferenceGroupEvent(enterpriseId, recordable(command.occurredOn(), clock),
                carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(JoinReferenceGroupCommand command, Clock clock, PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (referenceGroupJoinedOn != null) {
            throw new RuleViolationException(EnterpriseRule.CAN_JOIN_REFERENCE_GROUP_ONCE,
                    "Enterprise " + enterpriseId + " joined Integrationspakten's reference group on "
                            + referenceGroupJoinedOn);
        }
        apply(new JoinedReferenceGroupEvent(enterpriseId, occurredOn, carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(InviteToBusinessDialogueCommand command, Clock clock, PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new InvitedToBusinessDialogueEvent(enterpriseId,
                Values.optionalText(command.dialogue(), "dialogue", TEXT_MAX), occurredOn,
                carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(RecordBusinessAdviceCommand command, Clock clock, PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new BusinessAdviceReceivedEvent(enterpriseId, Values.text(command.provider(), "provider", TEXT_MAX),
                hours(command.hours()), occurredOn, carriedOut(command.carriesOut(), activities)));
    }

    @CommandHandler
    public void handle(RecordEventParticipationCommand command, Clock clock, PlanActivities activities) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new EventParticipationRecordedEvent(enterpriseId, required(command.kind(), "kind"),
                Values.text(command.eventName(), "eventName", TEXT_MAX), occurredOn,
                carriedOut(command.carriesOut(), activities)));
    }

    // ---------------------------------------------------------------------------------------------- retraction

    /**
     * Retracts a fact recorded in error. Invitations, advice, participations and the reference-group membership can
     * be retracted any time; a membership step of Integrationspakten (joined, level changed, left) only while it is
     * the latest, and retracting it restores the membership before it.
     */
    @CommandHandler
    public void handle(RetractEnterpriseFactCommand command, Clock clock) {
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                EnterpriseRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        String fact = retractable.retractable(command.eventId(),
                EnterpriseRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD,
                EnterpriseRule.EVENT_IS_ALREADY_RETRACTED, "enterprise " + enterpriseId);
        String eventId = command.eventId().strip();
        if (integrationspakten.isIntegrationspaktenStep(eventId)
                && !eventId.equals(integrationspakten.latestIntegrationspaktenStep())) {
            throw new RuleViolationException(EnterpriseRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                    "The " + fact + " " + eventId + " is not enterprise " + enterpriseId + "'s latest"
                            + " Integrationspakten step; retract the later steps first");
        }
        apply(new EnterpriseFactRetractedEvent(enterpriseId, eventId, fact, reason, occurredOn));
    }

    // ---------------------------------------------------------------------------------------------- rules

    /** A date a fact about this enterprise can be recorded for: not in the future, not after its closing date. */
    private LocalDate recordable(LocalDate occurredOn, Clock clock) {
        CommandChecks.recordable(occurredOn, "occurredOn", clock, EnterpriseRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (closedOn != null && occurredOn.isAfter(closedOn)) {
            throw new RuleViolationException(EnterpriseRule.CLOSED_ENTERPRISE_RECORDS_NOTHING_AFTER_CLOSING,
                    "Enterprise " + enterpriseId + " closed on " + closedOn + "; nothing can be recorded for "
                            + occurredOn + ", a date after it");
        }
        return occurredOn;
    }

    /** No enterprise can be given the text that stands for an erased name. */
    private static EnterpriseDetails notTheErasedMarker(EnterpriseDetails details) {
        if (PersonalNames.isErased(details.name())) {
            throw new IllegalArgumentException("name must not be " + PersonalNames.ERASED
                    + ": that text stands for an erased name");
        }
        return details;
    }

    /** Joining, level changes and leaving Integrationspakten happen in this order in time, never backwards. */
    private void integrationspaktenStepMustFollow(LocalDate occurredOn, String step) {
        LocalDate integrationspaktenStepOn = integrationspakten.latestIntegrationspaktenStepOn();
        if (integrationspaktenStepOn != null && occurredOn.isBefore(integrationspaktenStepOn)) {
            throw new RuleViolationException(EnterpriseRule.INTEGRATIONSPAKTEN_STEPS_MUST_FOLLOW_IN_DATE_ORDER,
                    "Enterprise " + enterpriseId + "'s latest Integrationspakten step is dated "
                            + integrationspaktenStepOn + "; a " + step + " cannot be dated before it, on " + occurredOn);
        }
    }

    /** The plan activity a fact carries out, if it names one: it must be an activity some plan has. */
    private static PlanActivityReference carriedOut(PlanActivityReference reference, PlanActivities activities) {
        if (reference != null && !activities.contains(reference)) {
            throw new RuleViolationException(EnterpriseRule.CARRIED_OUT_ACTIVITY_MUST_EXIST,
                    "Plan " + reference.planId() + " has no activity " + reference.activityId() + " for this fact to "
                            + "carry out");
        }
        return reference;
    }

    private static void soleTraderIsRegisteredWithoutOrganisationNumber(LegalForm legalForm,
                                                                        OrganisationNumber number) {
        if (legalForm == LegalForm.ENSKILD_FIRMA && number != null) {
            throw new RuleViolationException(EnterpriseRule.SOLE_TRADER_IS_REGISTERED_WITHOUT_ORGANISATION_NUMBER,
                    "A sole trader's (enskild firma's) organisation number is the owner's personnummer and is never"
                            + " stored; register the enterprise without it");
        }
        if (legalForm != LegalForm.ENSKILD_FIRMA && number == null) {
            throw new RuleViolationException(EnterpriseRule.SOLE_TRADER_IS_REGISTERED_WITHOUT_ORGANISATION_NUMBER,
                    "Only a sole trader (enskild firma) is registered without an organisation number; a "
                            + legalForm.swedishName() + " needs its organisation number");
        }
    }

    private static IntegrationspaktenLevel configuredLevel(IntegrationspaktenLevel level,
                                                           IntegrationspaktenLevels levels) {
        required(level, "level");
        if (!levels.contains(level)) {
            throw new RuleViolationException(EnterpriseRule.LEVEL_MUST_BE_CONFIGURED,
                    "Integrationspakten has no level " + level + "; the configured levels are " + levels);
        }
        return level;
    }

    private static BigDecimal hours(BigDecimal hours) {
        required(hours, "hours");
        if (hours.signum() <= 0) {
            throw new IllegalArgumentException("hours must be more than 0, but was " + hours.toPlainString());
        }
        BigDecimal stripped = hours.stripTrailingZeros();
        if (stripped.scale() > HOURS_SCALE) {
            throw new IllegalArgumentException("hours must have at most " + HOURS_SCALE + " decimals, but was "
                    + hours.toPlainString());
        }
        return stripped.setScale(Math.max(0, stripped.scale()));
    }

    // ---------------------------------------------------------------------------------------------- state

    @EventHandler
    void on(SocialEnterpriseRegisteredEvent event) {
        enterpriseId = event.enterpriseId();
        registered = true;
        registeredOn = event.occurredOn();
        details = event.details();
        factOn(event.occurredOn());
    }

    @EventHandler
    void on(SocialEnterpriseDetailsChangedEvent event) {
        details = event.details();
        factOn(event.occurredOn());
    }

    @EventHandler
    void on(SoleTraderNameErasedEvent event) {
        nameErasedOn = event.occurredOn();
    }

    @EventHandler
    void on(SocialEnterpriseClosedEvent event) {
        closedOn = event.occurredOn();
        factOn(event.occurredOn());
    }

    @EventHandler
    void on(JoinedIntegrationspaktenEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        integrationspakten.member(event.occurredOn(), event.level(), eventId);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(IntegrationspaktenLevelChangedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        integrationspakten.member(event.occurredOn(), event.to(), eventId);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(LeftIntegrationspaktenEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        integrationspakten.left(event.occurredOn(), eventId);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(JoinedReferenceGroupEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        referenceGroupJoinEventId = eventId;
        referenceGroupJoinedOn = event.occurredOn();
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(InvitedToIntegrationspaktenEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(InvitedToReferenceGroupEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(InvitedToBusinessDialogueEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(BusinessAdviceReceivedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(EventParticipationRecordedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        factOn(eventId, event.occurredOn());
    }

    @EventHandler
    void on(EnterpriseFactRetractedEvent event) {
        String eventId = event.retractedEventId();
        retractable.retracted(eventId);
        retractableFactDates.remove(eventId);
        integrationspakten.retracted(eventId);
        if (eventId.equals(referenceGroupJoinEventId)) {
            referenceGroupJoinEventId = null;
            referenceGroupJoinedOn = null;
        }
    }

    private void factOn(LocalDate date) {
        if (latestLastingFactOn == null || date.isAfter(latestLastingFactOn)) {
            latestLastingFactOn = date;
        }
    }

    private void factOn(String eventId, LocalDate date) {
        retractableFactDates.put(eventId, date);
    }

    /** The date of the latest fact recorded and not retracted: a closing may not precede it. */
    private LocalDate latestFactOn() {
        LocalDate latest = latestLastingFactOn;
        for (LocalDate date : retractableFactDates.values()) {
            if (date.isAfter(latest)) {
                latest = date;
            }
        }
        return latest;
    }
}
