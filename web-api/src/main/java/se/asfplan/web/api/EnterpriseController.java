package se.asfplan.web.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.domain.enterprise.EnterpriseCommands.RetractEnterpriseFactCommand;
import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.CloseSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.EraseSoleTraderNameCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToBusinessDialogueCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordBusinessAdviceCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordEventParticipationCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseDetails;
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
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.enterprise.ParticipationKind;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.PersonalNames;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterprisePage;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseSummary;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseView;
import se.asfplan.web.api.http.Paging;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;
import se.asfplan.web.security.ReadPolicy;

@RestController
@RecordsFactsOf(RecordKind.ENTERPRISE)
@RequestMapping("/api/enterprises")
@Tag(name = "Social enterprises", description = "The register of social enterprises (ASF) and what happens to them: "
        + "registered, changed, closed, Integrationspakten and its reference group, business dialogues, business "
        + "advice, events and tender schools")
public class EnterpriseController {

    private final CommandSender commands;
    private final EnterpriseReader reader;
    private final BusinessDates dates;

    public EnterpriseController(CommandSender commands, EnterpriseReader reader, BusinessDates dates) {
        this.commands = commands;
        this.reader = reader;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "The registered enterprises by name with their organisation numbers, optionally only those "
            + "that count as ASF (or not), in one district, or found by q: a part of the name (any case) or of the "
            + "organisation number (with or without the hyphen), a page at a time. Names and numbers of legal persons "
            + "are public: every role may read the list, but a committee does not see sole traders (an enskild "
            + "firma's name is usually its owner's); an enterprise's details and facts are for coordinators and "
            + "auditors")
    public ResponseEntity<List<EnterpriseSummary>> enterprises(
            @RequestParam(required = false) Boolean countsAsAsf,
            @RequestParam(required = false) String district,
            @io.swagger.v3.oas.annotations.Parameter(description = "a part of the name or organisation number",
                    example = "556677") @RequestParam(required = false) String q,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC)
            @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        // the page is cut in the database, and a reader who may not see sole traders is never sent them
        EnterprisePage listed = reader.enterprises(countsAsAsf, district, q, !ReadPolicy.current().readsRecords(),
                page, size);
        return Paging.page(listed.items(), listed.total(), page, size);
    }

    @GetMapping("/{enterpriseId}")
    @Operation(summary = "One enterprise: details, whether it counts as ASF, Integrationspakten, reference group "
            + "and every recorded fact with the plan activity it carries out")
    public EnterpriseView enterprise(@PathVariable EnterpriseId enterpriseId) {
        return reader.enterprise(enterpriseId);
    }

    @PostMapping
    @Operation(summary = "Register an enterprise; a sole trader (enskild firma) without organisation number. "
            + "Without enterpriseId one is generated; it is returned in Location")
    public ResponseEntity<Recorded> register(@Valid @RequestBody RegisterRequest request) {
        EnterpriseId enterpriseId = request.enterpriseId() != null ? request.enterpriseId()
                : new EnterpriseId(UUID.randomUUID().toString());
        commands.send(new RegisterSocialEnterpriseCommand(enterpriseId, request.organisationNumber(),
                request.details(), dates.orToday(request.occurredOn()), request.carriesOut()));
        return PlanController.created(SocialEnterpriseRegisteredEvent.class, uri(enterpriseId));
    }

    @PostMapping("/{enterpriseId}/details")
    @Operation(summary = "Change the enterprise's details (the earlier ones stay in the history)")
    public Recorded changeDetails(@PathVariable EnterpriseId enterpriseId,
                                  @Valid @RequestBody DetailsRequest request) {
        commands.send(new ChangeSocialEnterpriseDetailsCommand(enterpriseId, request.details(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return recorded(SocialEnterpriseDetailsChangedEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/closure")
    @Operation(summary = "Record that the enterprise closed; nothing can be recorded for a later date")
    public Recorded close(@PathVariable EnterpriseId enterpriseId, @Valid @RequestBody CloseRequest request) {
        commands.send(new CloseSocialEnterpriseCommand(enterpriseId, request.reason(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return recorded(SocialEnterpriseClosedEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/integrationspakten/invitations")
    @Operation(summary = "Record an invitation to Integrationspakten")
    public Recorded inviteToIntegrationspakten(@PathVariable EnterpriseId enterpriseId,
                                               @Valid @RequestBody(required = false) FactRequest request) {
        FactRequest fact = FactRequest.orEmpty(request);
        commands.send(new InviteToIntegrationspaktenCommand(enterpriseId, dates.orToday(fact.occurredOn()),
                fact.carriesOut()));
        return recorded(InvitedToIntegrationspaktenEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/integrationspakten/membership")
    @Operation(summary = "Record that the enterprise joined Integrationspakten at a configured level")
    public Recorded joinIntegrationspakten(@PathVariable EnterpriseId enterpriseId,
                                           @Valid @RequestBody LevelRequest request) {
        commands.send(new JoinIntegrationspaktenCommand(enterpriseId, request.level(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return recorded(JoinedIntegrationspaktenEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/integrationspakten/level")
    @Operation(summary = "Record that a member's Integrationspakten level changed")
    public Recorded changeIntegrationspaktenLevel(@PathVariable EnterpriseId enterpriseId,
                                                  @Valid @RequestBody LevelRequest request) {
        commands.send(new ChangeIntegrationspaktenLevelCommand(enterpriseId, request.level(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return recorded(IntegrationspaktenLevelChangedEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/integrationspakten/leaving")
    @Operation(summary = "Record that a member left Integrationspakten")
    public Recorded leaveIntegrationspakten(@PathVariable EnterpriseId enterpriseId,
                                            @Valid @RequestBody(required = false) FactRequest request) {
        FactRequest fact = FactRequest.orEmpty(request);
        commands.send(new LeaveIntegrationspaktenCommand(enterpriseId, dates.orToday(fact.occurredOn()),
                fact.carriesOut()));
        return recorded(LeftIntegrationspaktenEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/reference-group/invitations")
    @Operation(summary = "Record an invitation to Integrationspakten's reference group")
    public Recorded inviteToReferenceGroup(@PathVariable EnterpriseId enterpriseId,
                                           @Valid @RequestBody(required = false) FactRequest request) {
        FactRequest fact = FactRequest.orEmpty(request);
        commands.send(new InviteToReferenceGroupCommand(enterpriseId, dates.orToday(fact.occurredOn()),
                fact.carriesOut()));
        return recorded(InvitedToReferenceGroupEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/reference-group/membership")
    @Operation(summary = "Record that the enterprise joined Integrationspakten's reference group")
    public Recorded joinReferenceGroup(@PathVariable EnterpriseId enterpriseId,
                                       @Valid @RequestBody(required = false) FactRequest request) {
        FactRequest fact = FactRequest.orEmpty(request);
        commands.send(new JoinReferenceGroupCommand(enterpriseId, dates.orToday(fact.occurredOn()),
                fact.carriesOut()));
        return recorded(JoinedReferenceGroupEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/business-dialogue/invitations")
    @Operation(summary = "Record an invitation to one of SBR's business dialogues (företagsdialog)")
    public Recorded inviteToBusinessDialogue(@PathVariable EnterpriseId enterpriseId,
                                             @Valid @RequestBody(required = false) DialogueRequest request) {
        DialogueRequest dialogue = request == null ? new DialogueRequest(null, null, null) : request;
        commands.send(new InviteToBusinessDialogueCommand(enterpriseId, dialogue.dialogue(),
                dates.orToday(dialogue.occurredOn()), dialogue.carriesOut()));
        return recorded(InvitedToBusinessDialogueEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/business-advice")
    @Operation(summary = "Record business advice (företagsrådgivning) the enterprise received")
    public Recorded recordBusinessAdvice(@PathVariable EnterpriseId enterpriseId,
                                         @Valid @RequestBody AdviceRequest request) {
        commands.send(new RecordBusinessAdviceCommand(enterpriseId, request.provider(), request.hours(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return recorded(BusinessAdviceReceivedEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/event-participations")
    @Operation(summary = "Record that the enterprise took part in an event, a seminar or a tender school")
    public Recorded recordEventParticipation(@PathVariable EnterpriseId enterpriseId,
                                             @Valid @RequestBody ParticipationRequest request) {
        commands.send(new RecordEventParticipationCommand(enterpriseId, request.kind(), request.eventName(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return recorded(EventParticipationRecordedEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/retractions")
    @Operation(summary = "Retract a fact recorded in error (an invitation, membership step, advice or participation),"
            + " named by its event id, with the reason. It stops counting from the moment the retraction is recorded;"
            + " reports asked as recorded before that still count it. A membership step only while it is the latest")
    public Recorded retract(@PathVariable EnterpriseId enterpriseId, @Valid @RequestBody RetractionRequest request) {
        commands.send(new RetractEnterpriseFactCommand(enterpriseId, request.eventId(), request.reason(),
                dates.orToday(request.occurredOn())));
        return recorded(EnterpriseFactRetractedEvent.class, enterpriseId);
    }

    @PostMapping("/{enterpriseId}/name-erasure")
    @Operation(summary = "Erase a closed sole trader's name (gallring), on a gallring decision and with a reason, "
            + "neither holding the name: the key the name is stored under is destroyed, so every read shows "
            + "\"" + PersonalNames.ERASED + "\" (and nameErased true) in its place. The stored events stay as they "
            + "were; the erasure itself is recorded. It cannot be undone")
    public Recorded eraseName(@PathVariable EnterpriseId enterpriseId, @Valid @RequestBody NameErasureRequest request) {
        commands.send(new EraseSoleTraderNameCommand(enterpriseId, request.gallringDecision(), request.reason()));
        return recorded(SoleTraderNameErasedEvent.class, enterpriseId);
    }

    static URI uri(EnterpriseId enterpriseId) {
        return URI.create("/api/enterprises/" + enterpriseId);
    }

    private static Recorded recorded(Class<? extends Record> event, EnterpriseId enterpriseId) {
        return new Recorded(event, uri(enterpriseId));
    }

    /** Each of the four definition criteria must be stated, met or not: a missing one is not "not met". */
    public record CriteriaRequest(@NotNull Boolean integrationPurpose, @NotNull Boolean employeeParticipation,
                                  @NotNull Boolean profitsReinvested, @NotNull Boolean independentOfPublicSector) {

        DefinitionCriteria criteria() {
            return new DefinitionCriteria(integrationPurpose, employeeParticipation, profitsReinvested,
                    independentOfPublicSector);
        }
    }

    public record RegisterRequest(EnterpriseId enterpriseId, OrganisationNumber organisationNumber,
                                  @NotBlank @Size(max = 200) String name, @NotNull LegalForm legalForm,
                                  @Size(max = 20) List<@NotBlank @Size(max = 200) String> linesOfBusiness,
                                  @NotBlank @Size(max = 200) String municipality, @Size(max = 200) String district,
                                  @NotNull @Valid CriteriaRequest criteria,
                                  @Size(max = 20) List<@NotBlank @Size(max = 200) String> certifications,
                                  LocalDate occurredOn, PlanActivityReference carriesOut) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(name, legalForm, linesOfBusiness, municipality, district, criteria.criteria(),
                    certifications);
        }
    }

    public record DetailsRequest(@NotBlank @Size(max = 200) String name, @NotNull LegalForm legalForm,
                                 @Size(max = 20) List<@NotBlank @Size(max = 200) String> linesOfBusiness,
                                 @NotBlank @Size(max = 200) String municipality, @Size(max = 200) String district,
                                 @NotNull @Valid CriteriaRequest criteria,
                                 @Size(max = 20) List<@NotBlank @Size(max = 200) String> certifications,
                                 LocalDate occurredOn, PlanActivityReference carriesOut) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(name, legalForm, linesOfBusiness, municipality, district, criteria.criteria(),
                    certifications);
        }
    }

    /** The basis of a gallring (decision or retention rule) and the reason; neither may hold the name. */
    public record NameErasureRequest(@NotBlank @Size(max = 300) String gallringDecision,
                                     @NotBlank @Size(max = 2000) String reason) {
    }

    public record CloseRequest(@NotBlank @Size(max = 2000) String reason, LocalDate occurredOn,
                               PlanActivityReference carriesOut) {
    }

    /** A fact with nothing to say but its date and the activity it carries out; the body may be left out. */
    public record FactRequest(LocalDate occurredOn, PlanActivityReference carriesOut) {

        static FactRequest orEmpty(FactRequest request) {
            return request == null ? new FactRequest(null, null) : request;
        }
    }

    public record LevelRequest(@NotNull IntegrationspaktenLevel level, LocalDate occurredOn,
                               PlanActivityReference carriesOut) {
    }

    public record DialogueRequest(@Size(max = 300) String dialogue, LocalDate occurredOn,
                                  PlanActivityReference carriesOut) {
    }

    public record AdviceRequest(@NotBlank @Size(max = 300) String provider,
                                @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 2)
                                @io.swagger.v3.oas.annotations.media.Schema(example = "2.5") BigDecimal hours,
                                LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record ParticipationRequest(@NotNull ParticipationKind kind, @NotBlank @Size(max = 300) String eventName,
                                       LocalDate occurredOn, PlanActivityReference carriesOut) {
    }
}
