package se.asfplan.web.round;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.infra.chain.EventChainCheckpoints;
import se.asfplan.infra.history.EventLog;
import se.asfplan.infra.history.LoggedEvent;
import se.asfplan.projections.goalreport.GoalReportProjection;
import se.asfplan.projections.goalreport.GoalReportQueries.FindYearlyGoalReportQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.goalreport.GoalReportQueries.TargetVersion;
import se.asfplan.projections.plan.PlanQueries.FindPlanQuery;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.round.RoundQueries.FindPresentedReportQuery;
import se.asfplan.projections.round.RoundQueries.PresentedReport;
import se.asfplan.web.report.ReportPosition;
import se.asfplan.web.report.ReportPositions;

/**
 * Renders the report a round presents at its close, reads it back as presented, and sets it beside the same report
 * recomputed from everything known now.
 * <p>
 * The goal section is the yearly goal report (the one {@code GET /api/plans/{planId}/reports/yearly-goals} answers) of
 * the cut-off date's year, asked as recorded at the closing moment ({@code asOf}), read once the goal report has
 * folded every event stored when the closing began (or after {@link #CATCH_UP} with the position it reached, which the
 * report then names). The assessments are folded from the round's own events ({@link RoundHistory}).
 */
@Component
public class PresentedReports {

    /** How long closing waits for the goal report to fold what is stored before it renders the report. */
    static final Duration CATCH_UP = Duration.ofSeconds(20);

    /** Renders the presented report: fields in their declared order, indented, numbers as written. */
    static final ObjectMapper RENDERING = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final QueryGateway queries;
    private final ReportPositions positions;
    private final EventStorageEngine storage;
    private final EventLog log;
    private final Clock clock;
    private final EventChainCheckpoints checkpoints;

    PresentedReports(QueryGateway queries, ReportPositions positions, EventStorageEngine storage, EventLog log,
                     Clock clock, EventChainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.queries = queries;
        this.positions = positions;
        this.storage = storage;
        this.log = log;
        this.clock = clock;
    }

    /** The rendered report with its SHA-256 and the position it reflects. */
    public record Rendered(String json, String sha256, long position, RoundReport report) {
    }

    /** Renders the report of a round whose items are settled, as recorded now, closed by {@code user}. */
    public Rendered render(RoundHistory.Round round, String user) {
        long head = head();
        awaitGoalReport(head);
        Instant closingMoment = clock.instant();
        LocalDate businessDate = BusinessCalendar.today(clock);
        PlanView plan = plan(round.planId());
        ReportPosition at = positions.now(GoalReportProjection.PROCESSING_GROUP, null);
        List<GoalReportRow> rows = goalRows(round.planId(), round.cutOffDate().getYear(), closingMoment,
                businessDate, at.generation());
        RoundReport report = new RoundReport(RoundReport.FORMAT, round.roundId(), round.planId(), plan.title(),
                round.name(), round.kind(), round.cutOffDate(), round.deadline(), round.cutOffDate().getYear(),
                closingMoment, businessDate, user, at.position(), checkpointAtClosing(), rows.stream().map(PresentedReports::outcome).toList(),
                round.items().stream().map(item -> item.assessment(RoundTitles.title(plan, item.subject()))).toList());
        String json = render(report);
        return new Rendered(json, sha256(json), at.position() == null ? 0 : at.position(), report);
    }

    /**
     * A signed checkpoint of the chain's head as it stands at the closing: made now unless the last one already is at
     * the head. Every event the report reflects lies at or below it, since the goal report has folded no further
     * than the store's head.
     */
    private RoundReport.LogCheckpoint checkpointAtClosing() {
        checkpoints.checkpointIfDue(true);
        return checkpoints.last().map(c -> new RoundReport.LogCheckpoint(c.position(), c.head(), c.createdAt(),
                c.keyId(), c.signature())).orElse(null);
    }

    static String render(RoundReport report) {
        try {
            return RENDERING.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the round's report could not be rendered", e);
        }
    }

    /** Reads a presented report's text back into its parts (for the CSV, the PDF and the pages). */
    public static RoundReport parse(String json) {
        try {
            return RENDERING.readValue(json, RoundReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored presented report is not a report of format "
                    + RoundReport.FORMAT, e);
        }
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /**
     * The presented report of a closed round as stored, checked against its SHA-256; empty while the round is open
     * (or the read model has not yet folded its closing).
     *
     * @throws IllegalStateException when the stored text no longer matches its checksum
     */
    public Optional<PresentedReport> presented(String roundId) {
        Optional<PresentedReport> stored = queries.query(new FindPresentedReportQuery(roundId),
                ResponseTypes.optionalInstanceOf(PresentedReport.class)).join();
        stored.ifPresent(report -> {
            if (!sha256(report.json()).equals(report.sha256())) {
                throw new IllegalStateException("The stored presented report of round " + roundId
                        + " does not match its SHA-256 " + report.sha256());
            }
        });
        return stored;
    }

    /**
     * The presented report beside the same report recomputed from everything recorded now (same plan, year and
     * business date of the closing), goal by goal, with what differs and the events that caused it.
     */
    public RoundComparison compare(PresentedReport presented) {
        RoundReport then = parse(presented.json());
        ReportPosition at = positions.now(GoalReportProjection.PROCESSING_GROUP, null);
        Map<String, RoundReport.GoalOutcome> now = new LinkedHashMap<>();
        goalRows(then.planId(), then.year(), null, then.businessDate(), at.generation())
                .forEach(row -> now.put(row.goalId(), outcome(row)));
        Map<String, RoundReport.GoalOutcome> before = new LinkedHashMap<>();
        then.goals().forEach(goal -> before.put(goal.goalId(), goal));
        TreeSet<String> goalIds = new TreeSet<>(before.keySet());
        goalIds.addAll(now.keySet());
        List<RoundComparison.GoalComparison> goals = new ArrayList<>();
        for (String goalId : goalIds) {
            RoundReport.GoalOutcome was = before.get(goalId);
            RoundReport.GoalOutcome is = now.get(goalId);
            List<String> differences = differences(was, is);
            List<RoundComparison.Cause> causes = differences.isEmpty() ? List.of()
                    : causes(then, was, is, goalId, presented.position());
            goals.add(new RoundComparison.GoalComparison(goalId,
                    is != null ? is.indicator() : was.indicator(), was, is, differences, causes));
        }
        return new RoundComparison(then.roundId(), then.planId(), presented.sha256(), presented.position(),
                then.recordedAsOf(), at.generatedAt(), at.position(),
                goals.stream().anyMatch(goal -> !goal.differences().isEmpty()), goals);
    }

    private static List<String> differences(RoundReport.GoalOutcome was, RoundReport.GoalOutcome is) {
        if (was == null) {
            return List.of("added");
        }
        if (is == null) {
            return List.of("removed");
        }
        List<String> differences = new ArrayList<>();
        if (!sameNumber(was.outcome(), is.outcome())) {
            differences.add("outcome");
        }
        if (!Objects.equals(was.status(), is.status())) {
            differences.add("status");
        }
        if (!Objects.equals(was.comparator(), is.comparator()) || !sameNumber(was.target(), is.target())
                || !Objects.equals(was.unit(), is.unit())) {
            differences.add("target");
        }
        if (!Objects.equals(was.source(), is.source())) {
            differences.add("source");
        }
        if (!Objects.equals(was.events(), is.events())) {
            differences.add("events");
        }
        return differences;
    }

    /**
     * The events behind a difference: those the goal's figure or target now rests on that it did not rest on when
     * presented (facts recorded later, the retractions that changed it, later target revisions); for a goal no longer
     * in the report, the plan's events about the goal recorded after the report's position (its withdrawal).
     */
    private List<RoundComparison.Cause> causes(RoundReport then, RoundReport.GoalOutcome was,
                                               RoundReport.GoalOutcome is, String goalId, long presentedPosition) {
        TreeSet<Long> earlier = new TreeSet<>();
        if (was != null) {
            earlier.addAll(was.events());
            earlier.addAll(was.targetEvents());
        }
        TreeSet<Long> later = new TreeSet<>();
        if (is != null) {
            later.addAll(is.events());
            later.addAll(is.targetEvents());
            later.removeAll(earlier);
        } else {
            log.stream("Plan", then.planId()).stream()
                    .filter(event -> event.position() > presentedPosition && goalId.equals(event.text("goalId")))
                    .forEach(event -> later.add(event.position()));
        }
        List<RoundComparison.Cause> causes = new ArrayList<>();
        for (long position : later) {
            log.atPosition(position).ifPresent(event -> causes.add(cause(event)));
        }
        return causes;
    }

    private static RoundComparison.Cause cause(LoggedEvent event) {
        String reason = event.text("reason");
        if (reason == null) {
            reason = event.text("source");
        }
        return new RoundComparison.Cause(event.position(), event.eventId(), event.type(), event.businessDate(),
                event.recordedAt(), event.recordedBy(), event.retractedEventId(), reason);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private List<GoalReportRow> goalRows(String planId, int year, Instant asOf, LocalDate today, int generation) {
        return queries.query(new FindYearlyGoalReportQuery(planId, year, asOf, today, generation),
                ResponseTypes.multipleInstancesOf(GoalReportRow.class)).join();
    }

    static RoundReport.GoalOutcome outcome(GoalReportRow row) {
        return new RoundReport.GoalOutcome(row.goalId(), row.indicator(), row.kind().name(),
                row.measure() == null ? null : row.measure().name(), row.activityId(),
                row.target().comparator().name(), row.target().value(), row.target().unit(),
                row.targetHistory().stream().map(TargetVersion::event).toList(), row.outcome(),
                row.previousOutcome(), row.source(), row.status().name(), row.events(), row.eventIds());
    }

    PlanView plan(String planId) {
        return queries.query(new FindPlanQuery(new PlanId(planId)), ResponseTypes.optionalInstanceOf(PlanView.class))
                .join().orElseThrow(() -> new IllegalStateException("the plan " + planId + " of the round is not read"));
    }

    /** The position of the newest event stored now (-1 for an empty store). */
    private long head() {
        TrackingToken token = storage.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    private void awaitGoalReport(long head) {
        Instant until = clock.instant().plus(CATCH_UP);
        while (true) {
            Long reached = positions.now(GoalReportProjection.PROCESSING_GROUP, null).position();
            if ((reached != null && reached >= head) || clock.instant().isAfter(until)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
