package se.asfplan.domain.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.OrganisationNumber;

/**
 * The commands the coordination function gives about a social enterprise. Every command carries
 * {@code occurredOn}, the business date, which may not lie in the future, and optionally {@code carriesOut}, the
 * plan activity the recorded fact carries out.
 */
public final class EnterpriseCommands {

    private EnterpriseCommands() {
    }

    /** Register an enterprise; {@code organisationNumber} is {@code null} for a sole trader (enskild firma). */
    public record RegisterSocialEnterpriseCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                  OrganisationNumber organisationNumber, EnterpriseDetails details,
                                                  LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    /** Replace the enterprise's details; the earlier details stay in the history. */
    public record ChangeSocialEnterpriseDetailsCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                       EnterpriseDetails details, LocalDate occurredOn,
                                                       PlanActivityReference carriesOut) {
    }

    public record CloseSocialEnterpriseCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId, String reason,
                                               LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record InviteToIntegrationspaktenCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                    LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record JoinIntegrationspaktenCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                IntegrationspaktenLevel level, LocalDate occurredOn,
                                                PlanActivityReference carriesOut) {
    }

    public record ChangeIntegrationspaktenLevelCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                       IntegrationspaktenLevel level, LocalDate occurredOn,
                                                       PlanActivityReference carriesOut) {
    }

    public record LeaveIntegrationspaktenCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                 LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record InviteToReferenceGroupCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record JoinReferenceGroupCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                            LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    /** Invite to one of SBR's business dialogues (företagsdialog), optionally naming which. */
    public record InviteToBusinessDialogueCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                  String dialogue, LocalDate occurredOn,
                                                  PlanActivityReference carriesOut) {
    }

    /** Record business advice (företagsrådgivning) the enterprise received: who gave it and for how many hours. */
    public record RecordBusinessAdviceCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId, String provider,
                                              BigDecimal hours, LocalDate occurredOn,
                                              PlanActivityReference carriesOut) {
    }

    /** Record that the enterprise took part in an event, a seminar or a tender school (anbudsskola). */
    public record RecordEventParticipationCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                                  ParticipationKind kind, String eventName, LocalDate occurredOn,
                                                  PlanActivityReference carriesOut) {
    }

    /**
     * Retract a fact recorded in error: the event {@code eventId} of this enterprise's history stops counting from
     * the moment the retraction is recorded, with the {@code reason} (which may say where the corrected fact is
     * recorded). {@code occurredOn} is the day of the retraction.
     */
    public record RetractEnterpriseFactCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId, String eventId,
                                               String reason, LocalDate occurredOn) {
    }

    /**
     * Erases a sole trader's name (gallring): destroys the key it is stored under, so that it can never be read
     * again. Allowed only for a closed sole trader, on a gallring decision ({@code gallringDecision}: the decision's
     * registry reference, diarienummer, or the retention schedule's rule, gallringsföreskrift, it applies), with a
     * reason; neither may hold the name.
     */
    public record EraseSoleTraderNameCommand(@TargetAggregateIdentifier EnterpriseId enterpriseId,
                                             String gallringDecision, String reason) {
    }
}
