package se.asfplan.web.page.report;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.export.Downloads;
import se.asfplan.web.page.export.ExportTable;
import se.asfplan.web.report.Csv;

/**
 * The committee's yearly follow-up report of a plan ({@code /planer/{planId}/rapport/{year}}), for every role: the
 * page (printable), the PDF made from the same content, each table as CSV for Swedish Excel ({@code tabell=mal} or
 * {@code aktiviteter}) and both tables as an .xlsx workbook. {@code asOf} asks for the report as recorded at a past
 * moment. The downloads carry the goal report's generation time and event position in the same headers as the API's
 * CSV.
 */
@Controller
class CommitteeReportController {

    private final PlanReader plans;
    private final GoalReports reports;
    private final ReportPdf pdf;

    CommitteeReportController(PlanReader plans, GoalReports reports, ReportPdf pdf) {
        this.plans = plans;
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/planer/{planId}/rapport/{year}")
    String page(@PathVariable String planId, @PathVariable int year, @RequestParam(required = false) String asOf,
                Model model) {
        model.addAttribute("report", report(planId, year, asOf));
        return "report/report";
    }

    @GetMapping("/planer/{planId}/rapport/{year}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String planId, @PathVariable int year,
                               @RequestParam(required = false) String asOf) {
        CommitteeReport report = report(planId, year, asOf);
        return withPosition(Downloads.file(pdf.pdf(report), MediaType.APPLICATION_PDF,
                fileName(report, "pdf")), report);
    }

    @GetMapping("/planer/{planId}/rapport/{year}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String planId, @PathVariable int year,
                               @RequestParam(name = "tabell", defaultValue = "mal") String table,
                               @RequestParam(required = false) String asOf) {
        if (!"mal".equals(table) && !"aktiviteter".equals(table)) {
            throw new IllegalArgumentException("tabell must be mal or aktiviteter");
        }
        CommitteeReport report = report(planId, year, asOf);
        ExportTable chosen = "mal".equals(table) ? report.goalTable() : report.activityTable();
        String name = "uppfoljning-" + report.plan().planId().value() + "-" + year + "-"
                + ("mal".equals(table) ? "arsmal" : "aktiviteter") + ".csv";
        return withPosition(Downloads.csv(chosen, name), report);
    }

    @GetMapping("/planer/{planId}/rapport/{year}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String planId, @PathVariable int year,
                                @RequestParam(required = false) String asOf) {
        CommitteeReport report = report(planId, year, asOf);
        return withPosition(Downloads.xlsx(List.of(report.goalTable(), report.activityTable()),
                fileName(report, "xlsx")), report);
    }

    private CommitteeReport report(String planId, int year, String asOfText) {
        PlanView plan = plans.plan(new PlanId(planId));
        Instant asOf = AsOf.parse(asOfText);
        return CommitteeReport.of(plan, year, asOf, asOfText == null ? "" : asOfText,
                reports.year(plan, year, asOf), reports.followUp(plan, year, asOf));
    }

    private static String fileName(CommitteeReport report, String extension) {
        return "uppfoljning-" + report.plan().planId().value() + "-" + report.year() + "." + extension;
    }

    private static ResponseEntity<byte[]> withPosition(ResponseEntity<byte[]> download, CommitteeReport report) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(download.getHeaders());
        headers.set(Csv.GENERATED_AT_HEADER, report.goals().at().generatedAt().toString());
        if (report.goals().at().position() != null) {
            headers.set(Csv.POSITION_HEADER, report.goals().at().position().toString());
        }
        if (report.asOf() != null) {
            headers.set(Csv.AS_OF_HEADER, report.asOf().toString());
        }
        return ResponseEntity.ok().headers(headers).body(download.getBody());
    }
}
