package se.asfplan.web.page.report;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.followup.ActivityFollowUpProjection;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.goalreport.GoalReportProjection;
import se.asfplan.projections.goalreport.GoalReportQueries.FindYearlyGoalReportQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.goalreport.GoalReportQueries.TargetVersion;
import se.asfplan.projections.plan.PlanQueries.GoalView;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.report.ReportPosition;
import se.asfplan.web.report.ReportPositions;

/**
 * Reads the yearly goal report and the activity follow-up for the pages through the same queries and report
 * positions as the API ({@code YearlyGoalReportController}, {@code ActivityFollowUpController}), and turns the goal
 * report's rows into {@link GoalFigure}s with Swedish texts, sorted by goal (Swedish alphabetical order of the
 * indicator, then the goal id).
 */
@Component
class GoalReports {

    private static final Comparator<GoalFigure> BY_GOAL;

    static {
        Collator swedish = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        BY_GOAL = Comparator.comparing(GoalFigure::indicator, Comparator.nullsLast(swedish))
                .thenComparing(GoalFigure::goalId);
    }

    private final QueryGateway queries;
    private final ReportPositions positions;
    private final Clock clock;

    GoalReports(QueryGateway queries, ReportPositions positions, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.clock = clock;
    }

    /** A year's goal figures and where the report stood. */
    record YearFigures(int year, ReportPosition at, Instant asOf, List<GoalFigure> figures) {
    }

    LocalDate today() {
        return BusinessCalendar.today(clock);
    }

    /** The year's figures of the plan, as recorded at {@code asOf} (null: now). */
    YearFigures year(PlanView plan, int year, Instant asOf) {
        ReportPosition at = positions.now(GoalReportProjection.PROCESSING_GROUP, null);
        List<GoalReportRow> rows = queries.query(new FindYearlyGoalReportQuery(plan.planId().value(), year, asOf,
                        today()).reading(at.generation()), ResponseTypes.multipleInstancesOf(GoalReportRow.class))
                .join();
        Map<String, GoalView> goals = plan.goals().stream()
                .collect(Collectors.toMap(goal -> goal.goalId().value(), goal -> goal, (a, b) -> a));
        List<GoalFigure> figures = new ArrayList<>(rows.stream().map(row -> figure(row, goals.get(row.goalId())))
                .toList());
        figures.sort(BY_GOAL);
        return new YearFigures(year, at, asOf, List.copyOf(figures));
    }

    /** The years the plan has goals for, ascending. */
    static List<Integer> goalYears(PlanView plan) {
        return plan.goals().stream().map(GoalView::year).distinct().sorted().toList();
    }

    /** One figure of the year's report, or a Swedish 404 when the report lists no such goal for the year. */
    GoalFigure figure(PlanView plan, String goalId, int year, Instant asOf) {
        return year(plan, year, asOf).figures().stream().filter(figure -> figure.goalId().equals(goalId))
                .findFirst().orElseThrow(() -> new PageNotFoundException("Planen har inget årsmål " + goalId
                        + " för " + year + (asOf == null ? "." : " registrerat vid den valda tidpunkten.")));
    }

    /**
     * How the plan's activities stood for the yearly report of {@code year}: facts dated up to the year's end for a
     * past year, up to today otherwise; the latest note from within the year.
     */
    FollowUp followUp(PlanView plan, int year, Instant asOf) {
        LocalDate today = today();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate to = yearEnd.isBefore(today) ? yearEnd : today;
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate from = yearStart.isAfter(to) ? null : yearStart;
        ReportPosition at = positions.now(ActivityFollowUpProjection.PROCESSING_GROUP, null);
        ActivityFollowUpReport report = queries.query(new FindActivityFollowUpQuery(plan.planId(), asOf, from, to,
                        today, at.generation()), ResponseTypes.optionalInstanceOf(ActivityFollowUpReport.class))
                .join().orElseThrow(() -> new PageNotFoundException(asOf == null
                        ? "Planen finns inte i uppföljningen ännu."
                        : "Planen var inte registrerad vid den valda tidpunkten."));
        return new FollowUp(at, from, to, report);
    }

    /** The activity follow-up of a yearly report, with the range it covers and where it stood. */
    record FollowUp(ReportPosition at, LocalDate from, LocalDate to, ActivityFollowUpReport report) {
    }

    static GoalFigure figure(GoalReportRow row, GoalView goal) {
        String series = goal != null && goal.recurringGoalId() != null ? goal.recurringGoalId().value()
                : Objects.requireNonNullElse(row.indicator(), row.goalId());
        return new GoalFigure(row.goalId(), row.year(), row.indicator(), SwedishTexts.kind(row.kind()),
                SwedishTexts.measure(row.measure()), SwedishTexts.target(row.target()),
                SwedishTexts.comparator(row.target().comparator()), row.target().value(),
                row.target().unit(), row.outcome(),
                row.outcome() == null ? "Inget utfall ännu" : SwedishTexts.number(row.outcome()) + " "
                        + row.target().unit(),
                SwedishTexts.status(row.status()), SwedishTexts.statusClass(row.status()), comment(row), series,
                row.events(), row.eventIds());
    }

    private static String comment(GoalReportRow row) {
        List<String> parts = new ArrayList<>();
        if (row.source() != null) {
            parts.add("Källa: " + row.source());
        }
        if (row.previousOutcome() != null) {
            parts.add("Föregående år: " + SwedishTexts.number(row.previousOutcome()) + " " + row.target().unit());
        }
        List<TargetVersion> history = row.targetHistory();
        if (history.size() > 1) {
            TargetVersion latest = history.get(history.size() - 1);
            parts.add("Målvärdet ändrat " + latest.decidedOn() + " från "
                    + SwedishTexts.target(history.get(history.size() - 2).target())
                    + (latest.reason() == null ? "" : " (" + latest.reason() + ")"));
        }
        return String.join(". ", parts);
    }
}
