package se.asfplan.web.page.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.AreaHeading;
import se.asfplan.projections.followup.FollowUpQueries.PlanHeading;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalStatus;
import se.asfplan.projections.goalreport.GoalReportQueries.TargetVersion;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.page.export.SwedishCsv;
import se.asfplan.web.page.export.Xlsx;
import se.asfplan.web.report.ReportPosition;

/**
 * The committee's report rendered without a server: a tagged PDF (PDF/UA) in Swedish, with embedded fonts, its title
 * and the goal rows readable as text; and the same report's tables as CSV and xlsx.
 */
class ReportPdfTest {

    private static final PlanId PLAN = new PlanId("plan-overa");

    @Test
    void rendersATaggedSwedishPdfWithEmbeddedFontsAndTheGoalRows() throws Exception {
        byte[] bytes = new ReportPdf().pdf(report());
        saveAsArtefact(bytes);

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("sv-SE");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Uppföljning 2023: Handlingsplan för ASF i Överå");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Uppföljning 2023: Handlingsplan för ASF i Överå")
                    .contains("ASF inbjudna till Integrationspakten").contains("minst 3 st").contains("2 st")
                    .contains("Inte uppfyllt").contains("Andel ASF bland Plusmedlemmar").contains("21,5 %")
                    .contains("Källa: Enkät till Plusmedlemmar").contains("Nätverkande")
                    .contains("Bjuda in ASF till Integrationspakten").contains("Påbörjad, försenad")
                    .contains("Händelseposition, årsmål").contains("4711");
        }
    }

    @Test
    void theSameReportGivesItsTablesAsCsvAndXlsx() throws Exception {
        CommitteeReport report = report();

        String[] goals = SwedishCsv.text(report.goalTable()).split("\r\n");
        assertThat(goals[0]).isEqualTo("\uFEFFÅr;Årsmål;Mått;Slag;Jämförelse;Målvärde;Enhet;Utfall;Status;"
                + "Kommentar;Antal händelser;Årsmålets id");
        assertThat(goals).contains("2023;Andel ASF bland Plusmedlemmar;Rapporteras manuellt med källa;Andel;minst;20;%;"
                + "21,5;Uppfyllt;Källa: Enkät till Plusmedlemmar;1;andel-2023");
        String[] activities = SwedishCsv.text(report.activityTable()).split("\r\n");
        assertThat(activities[1]).isEqualTo("Nätverkande;Bjuda in ASF till Integrationspakten;AMN;2021–2022;"
                + "Påbörjad;Ja;Två träffar;2023-03-01;bjuda-in");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.bytes(List.of(
                report.goalTable(), report.activityTable()))))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Årsmål 2023");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Aktiviteter 2023");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
    }

    /** The PDF and its first page as an image under target/reports/, to look at. */
    private static void saveAsArtefact(byte[] bytes) throws java.io.IOException {
        java.nio.file.Path directory = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"));
        java.nio.file.Files.write(directory.resolve("committee-report-sample.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 80),
                    "png", directory.resolve("committee-report-sample.png").toFile());
        }
    }

    static CommitteeReport report() {
        PlanView plan = new PlanView(PLAN, "Handlingsplan för ASF i Överå", "Överå", new Decision("KS", null, null),
                LocalDate.of(2021, 3, 1), PlanPeriod.of(2021, 2024), null, 7, List.of(), List.of(), List.of(),
                List.of(), List.of(), null);
        ReportPosition at = new ReportPosition(Instant.parse("2024-02-01T09:00:00Z"), 0, 4711L);
        GoalReportRow invited = new GoalReportRow("inbjudna-2023", 2023, GoalKind.COUNT,
                Measure.INTEGRATIONSPAKTEN_INVITATIONS, "ASF inbjudna till Integrationspakten", null,
                Target.atLeast(3, "st"), List.of(new TargetVersion(Target.atLeast(3, "st"), LocalDate.of(2023, 1, 10),
                Instant.parse("2023-01-10T10:00:00Z"), 11, null)), new BigDecimal("2"), null, null,
                GoalStatus.NOT_MET, List.of(12L, 15L), List.of("e-12", "e-15"));
        Target share = new Target(TargetComparator.AT_LEAST, new BigDecimal("20"), "%");
        GoalReportRow plus = new GoalReportRow("andel-2023", 2023, GoalKind.SHARE, null,
                "Andel ASF bland Plusmedlemmar", null, share, List.of(new TargetVersion(share,
                LocalDate.of(2023, 1, 10), Instant.parse("2023-01-10T10:00:00Z"), 13, null)),
                new BigDecimal("21.5"), null, "Enkät till Plusmedlemmar", GoalStatus.MET, List.of(20L),
                List.of("e-20"));
        GoalReports.YearFigures goals = new GoalReports.YearFigures(2023, at, null, List.of(
                GoalReports.figure(plus, null), GoalReports.figure(invited, null)));
        ActivityFollowUpView activity = new ActivityFollowUpView(new ActivityId("bjuda-in"), new AreaId("natverk"),
                "Nätverkande", ActivityKind.ACTIVITY, "Bjuda in ASF till Integrationspakten",
                Responsibility.of("AMN"), Timeline.years(2021, 2022), ActivityStatus.STARTED, true, "Två träffar",
                LocalDate.of(2023, 3, 1), LocalDate.of(2022, 1, 1), null, null, Instant.parse("2023-03-01T10:00:00Z"),
                "coordinator");
        ActivityFollowUpReport followUp = new ActivityFollowUpReport(new PlanHeading(PLAN, plan.title(), "Överå",
                plan.period()), LocalDate.of(2023, 12, 31), List.of(new AreaHeading(new AreaId("natverk"),
                "Nätverkande")), List.of(activity));
        return CommitteeReport.of(plan, 2023, null, "", goals, new GoalReports.FollowUp(at,
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), followUp));
    }
}
