package se.asfplan.web.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.goalreport.GoalReportProjection;
import se.asfplan.projections.goalreport.GoalReportQueries.FindCountedScopeQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.FindYearlyGoalReportQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.goalreport.GoalReportQueries.TargetVersion;
import se.asfplan.projections.plan.PlanQueries;

/**
 * The yearly goal report as JSON or CSV ({@code format=csv} or {@code Accept: text/csv}): for a plan and a year,
 * each goal's target in force, its outcome, its status and the events that make up the outcome. The answer says
 * when it was generated and the event position the goal report read model had reached before the question was
 * asked. {@code generation} asks a generation of the goal report read model other than the active one: the one a
 * rebuild is filling, to compare the two before switching (see {@code ProjectionRebuilds}).
 */
@RestController
@Tag(name = "Reports", description = "Register and procurement statistics, as recorded at a past moment and for a "
        + "business-date range, in JSON or CSV")
public class YearlyGoalReportController {

    static final List<String> CSV_HEADER = List.of("goalId", "year", "kind", "measure", "indicator", "activityId",
            "comparator", "target", "unit", "targetHistory", "outcome", "previousOutcome", "source", "status",
            "events", "eventIds");

    private final QueryGateway queries;
    private final ReportPositions positions;
    private final Clock clock;

    public YearlyGoalReportController(QueryGateway queries, ReportPositions positions, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.clock = clock;
    }

    @GetMapping("/api/plans/{planId}/reports/yearly-goals")
    @Operation(summary = "Each goal of the plan for the year (not withdrawn): the target in force, the outcome from "
            + "the events dated in the year (or the latest figure reported by hand), met / not met / in progress, "
            + "and the events behind the outcome; asOf answers what was recorded at that moment")
    public ResponseEntity<?> yearlyGoals(
            @PathVariable PlanId planId,
            @Parameter(description = "the calendar year the goals are for") @RequestParam int year,
            @Parameter(description = "ISO instant: ignore everything recorded later")
            @RequestParam(required = false) Instant asOf,
            @Parameter(description = "the generation of the goal report read model to read: the active one "
                    + "(default) or the one a rebuild is filling, to compare them before switching")
            @RequestParam(required = false) Integer generation,
            @Parameter(description = "json (default) or csv; Accept: text/csv also answers CSV",
                    schema = @Schema(type = "string", allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = Csv.requested(format, accept);
        FindYearlyGoalReportQuery query = new FindYearlyGoalReportQuery(planId.value(), year, asOf,
                BusinessCalendar.today(clock), generation);
        boolean recorded = Boolean.TRUE.equals(queries.query(new PlanQueries.PlanRecordedQuery(planId),
                ResponseTypes.instanceOf(Boolean.class)).join());
        if (!recorded) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "No plan " + planId + " is recorded"), null);
        }
        ReportPosition at = positions.now(GoalReportProjection.PROCESSING_GROUP, generation);
        List<GoalReportRow> rows = queries.query(query.reading(at.generation()), ResponseTypes.multipleInstancesOf(GoalReportRow.class))
                .join();
        ReportAnswer<GoalReportRow> answer = ReportAnswer.at(at, asOf, rows);
        if (!csv) {
            PlanScope scope = queries.query(new FindCountedScopeQuery(planId.value(), asOf, at.generation()),
                    ResponseTypes.optionalInstanceOf(PlanScope.class)).join().orElse(null);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new YearlyGoalReport(
                    answer.generatedAt(), answer.position(), answer.asOf(), scope, answer.rows()));
        }
        return Csv.answer(answer, "yearly-goals-" + planId + "-" + year + ".csv", CSV_HEADER, row -> Arrays.asList(
                row.goalId(), row.year(), row.kind(), row.measure(), row.indicator(), row.activityId(),
                row.target().comparator(), row.target().value(), row.target().unit(),
                history(row.targetHistory()), row.outcome(), row.previousOutcome(), row.source(),
                row.status(), row.events().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                String.join(" ", row.eventIds())));
    }


    /** Each version as "comparator value unit (decided on)", oldest first, separated by semicolons. */
    private static String history(List<TargetVersion> versions) {
        return versions.stream().map(version -> {
            Target target = version.target();
            return target.comparator() + " " + target.value().toPlainString() + " " + target.unit() + " ("
                    + version.decidedOn() + ")";
        }).collect(Collectors.joining("; "));
    }

    /**
     * The yearly goal report in JSON: the rows, and the scope they counted (the municipalities and parties whose
     * procurements and enterprises the measures count; null until the report has followed the plan's adoption).
     */
    public record YearlyGoalReport(Instant generatedAt, Long position, Instant asOf, PlanScope scope,
                                   List<GoalReportRow> rows) {
    }
}
