package se.asfplan.web.page.round;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.round.RoundQueries.PresentedReport;
import se.asfplan.projections.round.RoundQueries.RoundItemView;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.page.export.Downloads;
import se.asfplan.web.page.report.ReportPdf;
import se.asfplan.web.page.report.SwedishTexts;
import se.asfplan.web.round.PresentedReports;
import se.asfplan.web.round.RoundComparison;
import se.asfplan.web.round.RoundExports;
import se.asfplan.web.round.RoundReader;
import se.asfplan.web.round.RoundReport;
import se.asfplan.web.round.RoundStatus;
import se.asfplan.web.round.RoundSubjects;
import se.asfplan.web.round.RoundTexts;
import se.asfplan.web.security.ReadPolicy;

/**
 * The pages of a plan's follow-up rounds, for every role: the rounds ({@code /planer/{planId}/omgangar}), one round
 * with its items, overdue items and reminders, its presented report (page, and as JSON exactly as stored, CSV and
 * PDF) and the comparison with the report as known now.
 */
@Controller
class RoundPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Stockholm"));

    private final PlanReader plans;
    private final RoundReader rounds;
    private final PresentedReports reports;
    private final ReportPdf pdf;

    RoundPageController(PlanReader plans, RoundReader rounds, PresentedReports reports, ReportPdf pdf) {
        this.plans = plans;
        this.rounds = rounds;
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/planer/{planId}/omgangar")
    String rounds(@PathVariable String planId, Model model) {
        PlanView plan = plans.plan(new PlanId(planId));
        model.addAttribute("plan", plan);
        model.addAttribute("rounds", rounds.rounds(planId).stream().map(status -> new RoundLine(
                status.round().roundId(), status.round().name(), RoundTexts.kind(status.round().kind()),
                status.round().cutOffDate().toString(), status.round().deadline().toString(),
                status.round().closed() ? "Stängd " + status.round().closedOn() : "Öppen",
                status.notReported().size(), status.awaitingReview().size(), status.overdue().size())).toList());
        return "round/rounds";
    }

    @GetMapping("/planer/{planId}/omgangar/{roundId}")
    String round(@PathVariable String planId, @PathVariable String roundId, Model model) {
        PlanView plan = plans.plan(new PlanId(planId));
        RoundStatus status = rounds.round(planId, roundId);
        model.addAttribute("plan", plan);
        model.addAttribute("status", status);
        model.addAttribute("kind", RoundTexts.kind(status.round().kind()));
        model.addAttribute("items", status.round().items().stream().map(item -> line(plan, item)).toList());
        model.addAttribute("notReported", status.notReported().stream().map(item -> line(plan, item)).toList());
        model.addAttribute("overdue", status.overdue().stream().map(item -> line(plan, item)).toList());
        model.addAttribute("awaitingReview", status.awaitingReview().stream().map(item -> line(plan, item)).toList());
        // the round's history (who opened, assessed, returned, approved and closed, and when) is the auditor's page
        model.addAttribute("staff", ReadPolicy.current().readsRecords());
        return "round/round";
    }

    @GetMapping("/planer/{planId}/omgangar/{roundId}/rapport")
    String report(@PathVariable String planId, @PathVariable String roundId, Model model) {
        PresentedReport presented = presented(planId, roundId);
        model.addAttribute("plan", plans.plan(new PlanId(planId)));
        model.addAttribute("presented", presented);
        model.addAttribute("report", view(presented));
        return "round/report";
    }

    @GetMapping("/planer/{planId}/omgangar/{roundId}/rapport.json")
    ResponseEntity<byte[]> json(@PathVariable String planId, @PathVariable String roundId) {
        PresentedReport presented = presented(planId, roundId);
        return withChecksum(Downloads.file(presented.json().getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON, "uppfoljningsomgang-" + roundId + ".json"), presented);
    }

    @GetMapping("/planer/{planId}/omgangar/{roundId}/rapport.csv")
    ResponseEntity<byte[]> csv(@PathVariable String planId, @PathVariable String roundId) {
        PresentedReport presented = presented(planId, roundId);
        return withChecksum(Downloads.csv(RoundExports.table(PresentedReports.parse(presented.json())),
                "uppfoljningsomgang-" + roundId + ".csv"), presented);
    }

    @GetMapping("/planer/{planId}/omgangar/{roundId}/rapport.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String planId, @PathVariable String roundId) {
        PresentedReport presented = presented(planId, roundId);
        return withChecksum(Downloads.file(pdf.pdf("round/report-pdf", Map.of("report", view(presented))),
                MediaType.APPLICATION_PDF, "uppfoljningsomgang-" + roundId + ".pdf"), presented);
    }

    @GetMapping("/planer/{planId}/omgangar/{roundId}/jamforelse")
    String comparison(@PathVariable String planId, @PathVariable String roundId, Model model) {
        PresentedReport presented = presented(planId, roundId);
        RoundComparison comparison = reports.compare(presented);
        model.addAttribute("plan", plans.plan(new PlanId(planId)));
        model.addAttribute("report", view(presented));
        model.addAttribute("comparison", comparison);
        model.addAttribute("goals", comparison.goals().stream().map(goal -> new GoalComparisonLine(goal.goalId(),
                goal.indicator(), goal.presented() == null ? "–" : outcome(goal.presented()),
                goal.now() == null ? "–" : outcome(goal.now()),
                goal.presented() == null ? "–" : RoundTexts.goalStatus(goal.presented().status()),
                goal.now() == null ? "–" : RoundTexts.goalStatus(goal.now().status()),
                goal.differences().stream().map(RoundTexts::difference).toList(),
                goal.causes().stream().map(cause -> new CauseLine(cause.position(), cause.eventId(),
                        SwedishTexts.eventType(cause.type()), cause.occurredOn() == null ? ""
                        : cause.occurredOn().toString(), time(cause.recordedAt()),
                        cause.recordedBy() == null ? "" : cause.recordedBy(),
                        cause.reason() == null ? "" : cause.reason())).toList())).toList());
        model.addAttribute("knownNowAt", time(comparison.knownNowAt()));
        return "round/comparison";
    }

    private PresentedReport presented(String planId, String roundId) {
        RoundStatus status = rounds.round(planId, roundId);
        if (!status.round().closed()) {
            throw new PageNotFoundException("Omgången är inte stängd ännu: rapporten fastställs när den stängs.");
        }
        return reports.presented(roundId).orElseThrow(() -> new PageNotFoundException(
                "Omgången är inte stängd ännu: rapporten fastställs när den stängs."));
    }

    private static ResponseEntity<byte[]> withChecksum(ResponseEntity<byte[]> download, PresentedReport presented) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(download.getHeaders());
        headers.set(RoundExports.SHA256_HEADER, presented.sha256());
        return ResponseEntity.ok().headers(headers).body(download.getBody());
    }

    private static ItemLine line(PlanView plan, RoundItemView item) {
        String subject = RoundSubjects.text(item.subject());
        return new ItemLine(subject, (subject.startsWith("activity:") ? "Aktivitet: " : "Mål: ")
                + title(plan, subject), item.reporter(), RoundTexts.state(item.state()),
                RoundTexts.status(item.status()), item.comment() == null ? "" : item.comment(),
                item.figure() == null ? "" : item.figure().toPlainString() + (item.figureSource() == null ? ""
                        : " (" + item.figureSource() + ")"),
                item.submittedBy() == null ? "" : item.submittedBy() + ", " + time(item.submittedAt()),
                item.reviewComment() == null ? "" : item.reviewComment());
    }

    private static String title(PlanView plan, String subject) {
        String id = subject.substring(subject.indexOf(':') + 1);
        return subject.startsWith("activity:")
                ? plan.activities().stream().filter(a -> a.activityId().value().equals(id)).map(a -> a.title())
                        .findFirst().orElse(id)
                : plan.goals().stream().filter(g -> g.goalId().value().equals(id)).map(g -> g.indicator())
                        .findFirst().orElse(id);
    }

    static ReportView view(PresentedReport presented) {
        RoundReport report = PresentedReports.parse(presented.json());
        return new ReportView(report.name() + " – " + report.planTitle(), report, RoundTexts.kind(report.kind()),
                time(report.recordedAsOf()), presented.sha256(), presented.position(),
                report.goals().stream().map(goal -> new GoalLine(goal.goalId(), goal.indicator(),
                        RoundTexts.comparator(goal.comparator()) + " " + plain(goal.target()) + " " + goal.unit(),
                        outcome(goal), RoundTexts.goalStatus(goal.status()),
                        goal.source() == null ? "" : goal.source())).toList(),
                report.assessments().stream().map(assessment -> new AssessmentLine(assessment.title(),
                        assessment.reporter(), RoundTexts.state(assessment.state()),
                        RoundTexts.status(assessment.status()),
                        assessment.comment() == null ? "" : assessment.comment(),
                        assessment.figure() == null ? "" : plain(assessment.figure())
                                + (assessment.figureSource() == null ? "" : " (" + assessment.figureSource() + ")"),
                        assessment.reviewComment() == null ? "" : assessment.reviewComment(),
                        assessment.submittedBy() == null ? "" : assessment.submittedBy())).toList());
    }

    private static String outcome(RoundReport.GoalOutcome goal) {
        return goal.outcome() == null ? "Inget utfall" : plain(goal.outcome()) + " " + goal.unit();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    record RoundLine(String roundId, String name, String kind, String cutOffDate, String deadline, String state,
                     int notReported, int awaitingReview, int overdue) {
    }

    record ItemLine(String subject, String title, String reporter, String state, String status, String comment,
                    String figure, String submitted, String review) {
    }

    record ReportView(String title, RoundReport report, String kind, String recordedAsOf, String sha256,
                      long position, List<GoalLine> goals, List<AssessmentLine> assessments) {
    }

    record GoalLine(String goalId, String indicator, String target, String outcome, String status, String source) {
    }

    record AssessmentLine(String title, String reporter, String state, String status, String comment, String figure,
                          String review, String submittedBy) {
    }

    record GoalComparisonLine(String goalId, String indicator, String outcomeThen, String outcomeNow,
                              String statusThen, String statusNow, List<String> differences,
                              List<CauseLine> causes) {
    }

    record CauseLine(long position, String eventId, String type, String occurredOn, String recordedAt,
                     String recordedBy, String reason) {
    }
}
