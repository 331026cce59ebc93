package se.asfplan.web.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.projections.participation.ParticipationProjection;
import se.asfplan.projections.participation.ParticipationQueries.FindParticipationQuery;
import se.asfplan.projections.participation.ParticipationQueries.ParticipationRow;

/**
 * The participation report as JSON or CSV: meetings held and events attended per year and kind, with the number of
 * participating ASF. Cells counting one to four participants read "&lt;5" and their row lists no events.
 */
@RestController
@Tag(name = "Reports")
public class ParticipationReportController {

    private final QueryGateway queries;
    private final ReportPositions positions;

    public ParticipationReportController(QueryGateway queries, ReportPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @GetMapping("/api/reports/participation")
    @Operation(summary = "Meetings held (dialogue forums, round tables, working meetings, tender schools) and "
            + "participations in events, seminars and tender schools per year and kind: occasions, participations "
            + "and participating ASF, where a count of one to four participants reads \"<5\"; for business dates in "
            + "[from, to], counting only facts recorded at or before 'asOf'")
    public ResponseEntity<?> participation(
            @Parameter(description = "ISO instant: ignore everything recorded later")
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "the generation to read: the active one (default) or the one being rebuilt")
            @RequestParam(required = false) Integer generation,
            @Parameter(description = "json (default) or csv; Accept: text/csv also answers CSV")
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = Csv.requested(format, accept);
        FindParticipationQuery query = new FindParticipationQuery(asOf, from, to, generation);
        ReportPosition at = positions.now(ParticipationProjection.PROCESSING_GROUP, generation);
        List<ParticipationRow> rows = queries.query(query.reading(at.generation()),
                ResponseTypes.multipleInstancesOf(ParticipationRow.class)).join();
        ReportAnswer<ParticipationRow> answer = ReportAnswer.at(at, asOf, rows);
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        return Csv.answer(answer, "participation.csv", List.of("year", "source", "kind", "occasions",
                "participations", "participants", "suppressed", "events"), row -> Arrays.asList(row.year(),
                row.source(), row.kind(), row.occasions(), row.participations(), row.participants(),
                row.suppressed(), row.events().stream().map(String::valueOf).collect(Collectors.joining(" "))));
    }
}
