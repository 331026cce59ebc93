package se.asfplan.web.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.followup.ActivityFollowUpProjection;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.followup.FollowUpQueries.FollowUpGroup;
import se.asfplan.projections.followup.FollowUpQueries.PlanHeading;
import se.asfplan.web.api.problem.NotFoundException;

/**
 * The activity follow-up report: per area or per lead party, how each activity stands, as JSON or CSV. The
 * answer's position is read before the report, so the report reflects at least every event up to it.
 * {@code generation} asks a generation of the follow-up read model other than the active one: the one a rebuild is
 * filling, to compare the two before switching (see {@code ProjectionRebuilds}).
 */
@RestController
@Tag(name = "Reports", description = "Follow-up reports, as recorded now or at a past moment, for a business-date "
        + "range, as JSON or CSV")
public class ActivityFollowUpController {

    static final List<String> CSV_HEADER = List.of("area", "activity", "kind", "title", "lead", "involved",
            "timelineFrom", "timelineTo", "status", "late", "latestNote", "latestNoteOn", "startedOn", "closedOn",
            "closingNote", "lastRecordedAt", "lastRecordedBy");

    private final QueryGateway queries;
    private final ReportPositions positions;
    private final Clock clock;

    public ActivityFollowUpController(QueryGateway queries, ReportPositions positions, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.clock = clock;
    }

    @GetMapping("/api/plans/{planId}/reports/activity-follow-up")
    @Operation(summary = "How each activity stands (status, latest progress note, late against its timeline) per "
            + "area or per lead party; asOf answers what was recorded at that moment, from/to a business-date range")
    public ResponseEntity<?> activityFollowUp(
            @PathVariable PlanId planId,
            @Parameter(description = "area (default) or lead", schema = @Schema(type = "string",
                    allowableValues = {"area", "lead"})) @RequestParam(defaultValue = "area") Grouping groupBy,
            @Parameter(description = "ISO instant: ignore everything recorded later")
            @RequestParam(required = false) Instant asOf,
            @Parameter(description = "first business date whose progress notes count")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last business date: later facts had not happened; decides lateness. Default: "
                    + "the last day of the report year (year) when that year is past, else today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "the report year: from defaults to its first day and, for a past year, to "
                    + "to its last, so that lateness is judged at the year's end, not today")
            @RequestParam(required = false) Integer year,
            @Parameter(description = "the generation of the follow-up read model to read: the active one (default) "
                    + "or the one a rebuild is filling, to compare them before switching")
            @RequestParam(required = false) Integer generation,
            @Parameter(description = "json (default) or csv; Accept: text/csv also answers CSV",
                    schema = @Schema(type = "string", allowableValues = {"json", "csv"}))
            @RequestParam(required = false) Format format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (year != null && (year < 1900 || year > 2999)) {
            throw new IllegalArgumentException("year must be a calendar year such as 2023, but was " + year);
        }
        LocalDate today = BusinessCalendar.today(clock);
        if (from == null && year != null) {
            from = LocalDate.of(year, 1, 1);
        }
        if (to == null) {
            to = reportYearEnd(year, today);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") must not lie after to (" + to + ")");
        }
        ReportPosition at = positions.now(ActivityFollowUpProjection.PROCESSING_GROUP, generation);
        Optional<ActivityFollowUpReport> found = queries.query(new FindActivityFollowUpQuery(planId, asOf, from, to,
                        today, at.generation()),
                ResponseTypes.optionalInstanceOf(ActivityFollowUpReport.class)).join();
        ActivityFollowUpReport report = found.orElseThrow(() -> new NotFoundException(asOf == null
                ? "No plan " + planId + " is recorded" : "No plan " + planId + " was recorded at " + asOf));
        List<FollowUpGroup> groups = groupBy.byLead() ? report.byLead() : report.byArea();
        if (csvWanted(format, accept)) {
            List<ActivityFollowUpView> rows = groups.stream().flatMap(group -> group.activities().stream()).toList();
            return Csv.answer(ReportAnswer.at(at, asOf, rows),
                    "activity-follow-up-" + planId + ".csv", CSV_HEADER, ActivityFollowUpController::csvRow);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new ActivityFollowUpAnswer(
                ReportAnswer.at(at, asOf, groups), report.plan(), groupBy.value(), from, to,
                report.lateAsOf()));
    }

    /**
     * The default end of the range: the last day of the report year when that year is past, so that "late" is judged
     * at the year's end rather than against today; none (today decides) for the current year or no year.
     */
    static LocalDate reportYearEnd(Integer reportYear, LocalDate today) {
        return reportYear != null && reportYear < today.getYear() ? LocalDate.of(reportYear, 12, 31) : null;
    }

    private static boolean csvWanted(Format format, String accept) {
        if (format != null) {
            return format.csv();
        }
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(Csv.TEXT_CSV) && !type.isWildcardType());
    }

    private static List<?> csvRow(ActivityFollowUpView activity) {
        return java.util.Arrays.asList(activity.areaName(), activity.activityId(), activity.kind(), activity.title(),
                activity.responsibility().leadsText(), String.join("; ", activity.responsibility().involved()),
                activity.timeline().fromYear(), activity.timeline().toYear(), activity.status(), activity.late(),
                activity.latestNote(), activity.latestNoteOn(), activity.startedOn(), activity.closedOn(),
                activity.closingNote(), activity.lastRecordedAt(), activity.lastRecordedBy());
    }

    /**
     * The JSON answer: the report's generation time, position, moment and groups, with the plan it follows up,
     * the range asked for and the date lateness was judged at.
     */
    public record ActivityFollowUpAnswer(@JsonUnwrapped ReportAnswer<FollowUpGroup> report, PlanHeading plan,
                                         String groupBy, LocalDate from, LocalDate to, LocalDate lateAsOf) {
    }

    /** The {@code groupBy} parameter: {@code area} or {@code lead}. */
    public record Grouping(String value) {

        public Grouping {
            if (!"area".equals(value) && !"lead".equals(value)) {
                throw new IllegalArgumentException("must be area or lead, but was '" + value + "'");
            }
        }

        boolean byLead() {
            return "lead".equals(value);
        }
    }

    /** The {@code format} parameter: {@code json} or {@code csv}. */
    public record Format(String value) {

        public Format {
            if (!"json".equals(value) && !"csv".equals(value)) {
                throw new IllegalArgumentException("must be json or csv, but was '" + value + "'");
            }
        }

        boolean csv() {
            return "csv".equals(value);
        }
    }
}
