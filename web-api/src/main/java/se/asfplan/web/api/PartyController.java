package se.asfplan.web.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.web.api.http.Paging;
import se.asfplan.domain.party.PartyCommands.ChangePartyDetailsCommand;
import se.asfplan.domain.party.PartyCommands.RecordPartyNameCommand;
import se.asfplan.domain.party.PartyCommands.RegisterPartyCommand;
import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;
import se.asfplan.projections.party.PartyQueries.FindPartiesQuery;
import se.asfplan.projections.party.PartyQueries.FindPartyQuery;
import se.asfplan.projections.party.PartyQueries.PartyView;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;

@RestController
@RecordsFactsOf(RecordKind.PARTY)
@RequestMapping("/api/parties")
@Tag(name = "Parties", description = "The register of contracting authorities and responsible parties (nämnder, "
        + "förvaltningar, bolag, external bodies), with every name each was written under")
public class PartyController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final BusinessDates dates;

    public PartyController(CommandSender commands, QueryGateway queries, BusinessDates dates) {
        this.commands = commands;
        this.queries = queries;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "Every registered party by name, optionally only those of one municipality or region")
    public ResponseEntity<List<PartyView>> parties(@RequestParam(required = false) String municipality,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(queries.query(new FindPartiesQuery(municipality), ResponseTypes.multipleInstancesOf(PartyView.class))
                .join(), page, size);
    }

    @GetMapping("/{partyId}")
    @Operation(summary = "One party with its details and every name it has had")
    public PartyView party(@PathVariable PartyId partyId) {
        Optional<PartyView> party = queries.query(new FindPartyQuery(partyId),
                ResponseTypes.optionalInstanceOf(PartyView.class)).join();
        return party.orElseThrow(() -> new NotFoundException("No party " + partyId + " is registered"));
    }

    @PostMapping
    @Operation(summary = "Register a party with its name, abbreviation, kind and municipality or region; no name or "
            + "abbreviation may already name another party")
    public ResponseEntity<Recorded> register(@Valid @RequestBody RegisterPartyRequest request) {
        commands.send(new RegisterPartyCommand(request.partyId(), request.name(), request.abbreviation(),
                request.kind(), request.municipality(), dates.orToday(request.occurredOn())));
        return PlanController.created(PartyRegisteredEvent.class, uri(request.partyId()));
    }

    @PostMapping("/{partyId}/details")
    @Operation(summary = "Change a party's details with the reason; its earlier names still name it")
    public Recorded changeDetails(@PathVariable PartyId partyId, @Valid @RequestBody ChangeDetailsRequest request) {
        commands.send(new ChangePartyDetailsCommand(partyId, request.name(), request.abbreviation(), request.kind(),
                request.municipality(), request.reason(), dates.orToday(request.occurredOn())));
        return new Recorded(PartyDetailsChangedEvent.class, uri(partyId));
    }

    @PostMapping("/{partyId}/names")
    @Operation(summary = "Record another name the party was written under in earlier records (e.g. as a contracting "
            + "authority), with the reason: what was recorded under it counts as the party's")
    public Recorded recordName(@PathVariable PartyId partyId, @Valid @RequestBody RecordNameRequest request) {
        commands.send(new RecordPartyNameCommand(partyId, request.name(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(PartyNameRecordedEvent.class, uri(partyId));
    }

    private static URI uri(PartyId partyId) {
        return URI.create("/api/parties/" + partyId);
    }

    public record RegisterPartyRequest(@NotNull PartyId partyId, @NotBlank @Size(max = 200) String name,
                                       @Size(max = 30) String abbreviation, @NotNull PartyKind kind,
                                       @Size(max = 200) String municipality, LocalDate occurredOn) {
    }

    public record ChangeDetailsRequest(@NotBlank @Size(max = 200) String name, @Size(max = 30) String abbreviation,
                                       @NotNull PartyKind kind, @Size(max = 200) String municipality,
                                       @NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }

    public record RecordNameRequest(@NotBlank @Size(max = 200) String name,
                                    @NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }
}
