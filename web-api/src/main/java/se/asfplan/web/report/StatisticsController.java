package se.asfplan.web.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.statistics.StatisticsProjection;
import se.asfplan.projections.statistics.StatisticsQueries.FindProcurementStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.FindRegisterStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.ProcurementStatisticsRow;
import se.asfplan.projections.statistics.StatisticsQueries.RegisterStatisticsRow;

/**
 * The register and procurement statistics as JSON or CSV ({@code format=csv} or {@code Accept: text/csv}). Each
 * answer says when it was generated and the event position the statistics read model had reached before the
 * question was asked, so every row reflects at least the events up to that position. {@code generation} asks a
 * generation of the statistics other than the active one: the one a rebuild is filling, to compare the two before
 * switching (see {@code ProjectionRebuilds}).
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Register and procurement statistics, as recorded at a past moment and for a "
        + "business-date range, in JSON or CSV")
public class StatisticsController {

    private final QueryGateway queries;
    private final ReportPositions positions;
    private final Clock clock;

    public StatisticsController(QueryGateway queries, ReportPositions positions, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.clock = clock;
    }

    @GetMapping("/register")
    @Operation(summary = "Known ASF, those invited to Integrationspakten and its members per level, by district, on "
            + "the business date 'to' (default today), counting only facts recorded at or before 'asOf'; 'from' "
            + "limits which invitations count")
    public ResponseEntity<?> register(@RequestParam(required = false) Instant asOf,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate to,
                                      @RequestParam(required = false) Integer generation,
                                      @RequestParam(required = false) String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = Csv.requested(format, accept);
        FindRegisterStatisticsQuery query = new FindRegisterStatisticsQuery(asOf, from,
                to != null ? to : BusinessCalendar.today(clock), generation);
        ReportPosition at = positions.now(StatisticsProjection.PROCESSING_GROUP, generation);
        ReportAnswer<RegisterStatisticsRow> answer = ReportAnswer.at(at, asOf, queries.query(
                query.reading(at.generation()),
                ResponseTypes.multipleInstancesOf(RegisterStatisticsRow.class)).join());
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        return Csv.answer(answer, "register-statistics.csv", List.of("total", "district", "level", "knownAsf",
                "invitedToIntegrationspakten", "members", "knownAsfEvents", "invitationEvents",
                "membershipEvents"), row -> Arrays.asList(row.total(), row.district(), row.level(),
                row.knownAsf(), row.invitedToIntegrationspakten(), row.members(), events(row.knownAsfEvents()),
                events(row.invitationEvents()), events(row.membershipEvents())));
    }

    @GetMapping("/procurement")
    @Operation(summary = "Procurements per year and contracting authority: begun, of which reserved, divided into "
            + "lots, completed, cancelled; contracts awarded, of which to an ASF, with values; for business dates "
            + "in [from, to], counting only facts recorded at or before 'asOf'")
    public ResponseEntity<?> procurement(@RequestParam(required = false) Instant asOf,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) ContractingAuthority authority,
                                         @RequestParam(required = false) Integer generation,
                                         @RequestParam(required = false) String format,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = Csv.requested(format, accept);
        FindProcurementStatisticsQuery query = new FindProcurementStatisticsQuery(asOf, from, to,
                authority == null ? null : authority.value(), generation);
        ReportPosition at = positions.now(StatisticsProjection.PROCESSING_GROUP, generation);
        ReportAnswer<ProcurementStatisticsRow> answer = ReportAnswer.at(at, asOf, queries.query(
                query.reading(at.generation()),
                ResponseTypes.multipleInstancesOf(ProcurementStatisticsRow.class)).join());
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        return Csv.answer(answer, "procurement-statistics.csv", List.of("year", "authority", "begun", "reserved",
                "reservedByLegalGround", "dividedIntoLots", "notDivided", "completed", "cancelled",
                "contractsAwarded", "awardedToAsf", "valueAwarded", "valueAwardedToAsf", "begunEvents",
                "reservedEvents", "dividedEvents", "notDividedEvents", "completedEvents", "cancelledEvents",
                "awardEvents", "asfAwardEvents"), row -> Arrays.asList(row.year(), row.authority(),
                row.begun(), row.reserved(), grounds(row.reservedByLegalGround()), row.dividedIntoLots(),
                row.notDivided(), row.completed(), row.cancelled(), row.contractsAwarded(), row.awardedToAsf(),
                row.valueAwarded(), row.valueAwardedToAsf(), events(row.begunEvents()), events(row.reservedEvents()),
                events(row.dividedEvents()), events(row.notDividedEvents()), events(row.completedEvents()),
                events(row.cancelledEvents()), events(row.awardEvents()), events(row.asfAwardEvents())));
    }

    /** Event positions separated by spaces, so that one CSV field holds them all. */
    private static String events(List<Long> events) {
        return events.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String grounds(Map<String, Integer> byGround) {
        return byGround.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
