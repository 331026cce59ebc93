package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The yearly-goal dashboard, its drill-down to the events behind a figure and the committee's report, in a browser:
 * a plan of this test's own municipality with goals for two years, an ASF invited, an activity completed and shares
 * reported by hand, all recorded through the API. The committee reads the chart and the table, follows a figure to
 * its event, downloads the PDF (read back with PDFBox: the goal rows, tagged, fonts embedded), the CSV and the
 * workbook; every page passes axe-core for each role that may see it.
 */
class ReportPagesBrowserIT extends BrowserTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "malplan-" + suffix;
    private final String municipality = "Målkommun " + suffix;
    private final String enterprise = "asf-mal-" + suffix;
    private Map<String, Object> report2023;

    @BeforeAll
    void recordThePlanWithGoalsAndOutcomes() {
        created(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Målplanen för Åre", "municipality": "%s", "adoption": {"body": "KS"},
                 "adoptedOn": "2022-01-10", "period": {"fromYear": 2022, "toYear": 2024}}""".formatted(plan,
                municipality)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverkande", "occurredOn": "2022-01-10"}"""));
        created(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "aktivitetsplan", "areaId": "natverk", "kind": "ACTIVITY",
                 "title": "Ta fram en stadsövergripande aktivitetsplan", "responsibility": {"lead": "SLK"},
                 "timeline": {"fromYear": 2022, "toYear": 2023}, "occurredOn": "2022-01-10"}"""));
        ok(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/start",
                "{\"occurredOn\": \"2023-01-05\"}"));
        goal("inbjudna-2023", 2023, "COUNT", "\"INTEGRATIONSPAKTEN_INVITATIONS\"",
                "ASF inbjudna till Integrationspakten", "AT_LEAST", 1, "st", null);
        goal("aktivitetsplan-2023", 2023, "MILESTONE", "\"ACTIVITY_COMPLETED\"", "Aktivitetsplan framtagen",
                "EXACTLY", 1, "plan", "aktivitetsplan");
        goal("andel-plus-2022", 2022, "SHARE", "null", "Andel ASF bland Plusmedlemmar", "AT_LEAST", 20, "%", null);
        goal("andel-plus-2023", 2023, "SHARE", "null", "Andel ASF bland Plusmedlemmar", "AT_LEAST", 20, "%", null);

        created(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé Målet",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "%s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2023-01-10"}""".formatted(enterprise,
                organisationNumber(), municipality)));
        ok(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2023-02-01\"}"));
        ok(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/complete", """
                {"note": "Antagen av KS", "occurredOn": "2023-11-30"}"""));
        ok(post(COORDINATOR, "/api/plans/" + plan + "/goals/andel-plus-2022/outcomes", """
                {"value": 18, "source": "Enkät 2022", "occurredOn": "2023-01-15"}"""));
        ok(post(COORDINATOR, "/api/plans/" + plan + "/goals/andel-plus-2023/outcomes", """
                {"value": 21.5, "source": "Enkät till Plusmedlemmar 2023", "occurredOn": "2024-01-15"}"""));

        report2023 = awaitResource(COMMITTEE, "/api/plans/" + plan + "/reports/yearly-goals?year=2023",
                body -> outcome(body, "inbjudna-2023") != null && outcome(body, "inbjudna-2023").signum() > 0
                        && outcome(body, "aktivitetsplan-2023") != null
                        && outcome(body, "aktivitetsplan-2023").signum() > 0
                        && outcome(body, "andel-plus-2023") != null, Duration.ofSeconds(120));
        awaitResource(COMMITTEE, "/api/plans/" + plan + "/reports/yearly-goals?year=2022",
                body -> outcome(body, "andel-plus-2022") != null, Duration.ofSeconds(60));
        awaitResource(COMMITTEE, "/api/plans/" + plan + "/reports/activity-follow-up",
                body -> body.toString().contains("COMPLETED"), Duration.ofSeconds(60));
    }

    @Test
    void theCommitteeReadsTheDashboardAndFollowsAFigureToItsEvents() throws Exception {
        signIn(COMMITTEE);
        open("/planer/" + plan + "/mal?ar=2023");
        assertThat(text(By.tagName("h1"))).isEqualTo("Årsmål och utfall: Målplanen för Åre");

        // the bar chart: a canvas Chart.js has drawn, from data naming each goal
        WebElement canvas = waitFor(By.id("stapeldiagram"));
        assertThat(canvas.getAttribute("role")).isEqualTo("img");
        assertThat(canvas.getAttribute("aria-label")).contains("2023");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return window.Chart && window.Chart.getChart(arguments[0]) ? "
                        + "window.Chart.getChart(arguments[0]).data.datasets.length : 0", canvas)).isEqualTo(2L);
        String barData = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('stapeldata').textContent");
        assertThat(barData).contains("\"Målvärde\"").contains("\"Utfall\"").contains("21.5")
                .contains("ASF inbjudna till Integrationspakten (st)");

        // the table with the same figures
        assertThat(rowText("arsmal-tabell", "inbjudna-2023")).contains("ASF inbjudna till Integrationspakten")
                .contains("minst 1 st").contains("1 st").contains("Uppfyllt").contains("1 händelse");
        assertThat(rowText("arsmal-tabell", "andel-plus-2023")).contains("minst 20 %").contains("21,5 %")
                .contains("Uppfyllt");
        assertThat(rowText("arsmal-tabell", "aktivitetsplan-2023")).contains("exakt 1 plan").contains("Uppfyllt");
        // the trend across years: the share goal set year by year is one series, 18 % then 21,5 %
        WebElement trend = browser.findElement(By.id("trend-tabell"));
        assertThat(trend.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList())
                .containsExactly("Årsmål", "2022", "2023");
        WebElement share = trend.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().startsWith("Andel ASF bland Plusmedlemmar")).findFirst().orElseThrow();
        assertThat(share.getText()).contains("18 %").contains("21,5 %").contains("Inte uppfyllt");
        assertThat(waitFor(By.id("linjediagram")).getAttribute("data-chart")).isEqualTo("line");
        assertAccessible();
        screenshot("goals-dashboard-committee");

        // drill down from the invitation figure to its event
        browser.findElement(By.cssSelector("#arsmal-tabell tr[data-goal='inbjudna-2023'] a")).click();
        waitFor(By.id("handelser"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Händelser bakom utfallet: ASF inbjudna till Integrationspakten 2023");
        Map<String, Object> invited = row(report2023, "inbjudna-2023");
        List<?> positions = (List<?>) invited.get("events");
        List<?> eventIds = (List<?>) invited.get("eventIds");
        List<WebElement> events = browser.findElements(By.cssSelector("#handelser tbody tr"));
        assertThat(events).hasSize(1);
        String event = events.get(0).getText();
        assertThat(event).contains(positions.get(0).toString()).contains(eventIds.get(0).toString())
                .contains("Inbjudan till Integrationspakten").contains("InvitedToIntegrationspaktenEvent")
                .contains("2023-02-01").contains("coordinator");
        // the committee reads the event, but the audit pages are for staff: no link
        assertThat(browser.findElements(By.cssSelector("#handelser a"))).isEmpty();
        assertAccessible();
        screenshot("goals-figure-events-committee");

        // the share's figure: the outcome reported by hand is its one event
        open("/planer/" + plan + "/mal/andel-plus-2023/2023");
        assertThat(text(By.id("utfall"))).contains("21,5 %").contains("Källa: Enkät till Plusmedlemmar 2023");
        assertThat(text(By.id("handelser"))).contains("Utfall rapporterat").contains("2024-01-15");
    }

    @Test
    void staffSeeTheSamePagesAndReachTheAuditPageOfAnEvent() throws Exception {
        String eventId = ((List<?>) row(report2023, "inbjudna-2023").get("eventIds")).get(0).toString();
        for (String user : List.of(COORDINATOR, AUDITOR)) {
            signIn(user);
            open("/planer/" + plan + "/mal");
            waitFor(By.id("arsmal-tabell"));
            assertAccessible();
            open("/planer/" + plan + "/mal/inbjudna-2023/2023");
            WebElement link = waitFor(By.cssSelector("#handelser a.event-id"));
            assertThat(link.getAttribute("href")).endsWith("/granskning/handelser/" + eventId);
            assertAccessible();
            screenshot("goals-figure-events-" + user);
            open("/planer/" + plan + "/rapport/2023");
            waitFor(By.id("rapport-arsmal"));
            assertAccessible();
        }
    }

    @Test
    void aChosenMomentShowsTheFiguresAsRecordedThenAndABadOneIsExplainedInSwedish() throws Exception {
        signIn(COMMITTEE);
        open("/planer/" + plan + "/mal?ar=2023&asOf=2000-01-01");
        assertThat(text(By.tagName("main"))).contains("Inga årsmål för 2023");
        open("/planer/" + plan + "/mal?ar=2023&asOf=igår");
        assertThat(text(By.id("felsammanfattning"))).contains("Tidpunkten ”igår” kunde inte läsas");
        assertAccessible();
        open("/planer/" + plan + "/mal/finns-inte/2023");
        assertThat(text(By.tagName("main"))).contains("Planen har inget årsmål ”finns-inte” för 2023");
    }

    @Test
    void theCommitteeReadsAndDownloadsTheYearlyReport() throws Exception {
        signIn(COMMITTEE);
        long before = apiPosition();
        open("/planer/" + plan + "/rapport/2023");
        long after = apiPosition();
        assertThat(text(By.tagName("h1"))).isEqualTo("Uppföljning 2023: Målplanen för Åre");
        WebElement goals = waitFor(By.id("rapport-arsmal"));
        assertThat(goals.getText()).contains("Andel ASF bland Plusmedlemmar").contains("21,5 %")
                .contains("Källa: Enkät till Plusmedlemmar 2023").contains("ASF inbjudna till Integrationspakten");
        assertThat(text(By.tagName("main"))).contains("Nätverkande").contains("Ta fram en stadsövergripande aktivitetsplan")
                .contains("Genomförd").contains("Antagen av KS");
        // the position the report reflects is the goal report's, as the API answers it around the same moment
        assertThat(Long.parseLong(text(By.id("position-mal")))).isBetween(before, after);
        assertAccessible();
        screenshot("committee-report-2023");

        // the PDF, fetched with the committee's session as the download link does
        byte[] pdf = download(browser.findElement(By.id("ladda-ner-pdf")).getAttribute("href"), "application/pdf");
        Files.write(Files.createDirectories(Path.of("target", "reports")).resolve("committee-report-" + plan
                + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("a tagged PDF").isNotNull();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv-SE");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Uppföljning 2023: Målplanen för Åre");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName())
                    .isTrue());
            String text = new PDFTextStripper().getText(document);
            assertThat(lineWith(text, "ASF inbjudna till Integrationspakten")).contains("minst 1 st").contains("1 st")
                    .contains("Uppfyllt");
            assertThat(lineWith(text, "Andel ASF bland Plusmedlemmar")).contains("minst 20 %").contains("21,5 %")
                    .contains("Uppfyllt");
            assertThat(lineWith(text, "Aktivitetsplan framtagen")).contains("exakt 1 plan").contains("Uppfyllt");
            assertThat(text).contains("Målplanen för Åre").contains("Nätverkande");
        }

        byte[] csv = download(browser.findElement(By.id("ladda-ner-csv-mal")).getAttribute("href"), "text/csv");
        String goalsCsv = new String(csv, StandardCharsets.UTF_8);
        assertThat(goalsCsv).startsWith("\uFEFFÅr;Årsmål;Mått;Slag;Jämförelse;Målvärde;Enhet;Utfall;Status;")
                .contains("2023;Andel ASF bland Plusmedlemmar;Rapporteras manuellt med källa;Andel;minst;20;%;21,5;"
                        + "Uppfyllt;").contains("\r\n");
        byte[] xlsx = download(browser.findElement(By.id("ladda-ner-xlsx")).getAttribute("href"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Årsmål 2023");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Aktiviteter 2023");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Ta fram en stadsövergripande aktivitetsplan");
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The file at the URL, fetched in the browser with its session; its content type must be the one given. */
    private byte[] download(String url, String contentType) {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                  return r.arrayBuffer().then(function (b) {
                    var bytes = new Uint8Array(b), s = '';
                    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                    done([r.status, r.headers.get('Content-Type'), btoa(s)]);
                  });
                }).catch(function (e) { done(['failed', String(e), '']); });""", url);
        List<?> result = (List<?>) answer;
        assertThat(result.get(0).toString()).as("%s: %s", url, result.get(1)).isEqualTo("200");
        assertThat(result.get(1).toString()).startsWith(contentType);
        return Base64.getDecoder().decode(result.get(2).toString());
    }

    private long apiPosition() {
        return ((Number) get(COMMITTEE, "/api/plans/" + plan + "/reports/yearly-goals?year=2023").getBody()
                .get("position")).longValue();
    }

    private String rowText(String tableId, String goalId) {
        return browser.findElement(By.cssSelector("#" + tableId + " tr[data-goal='" + goalId + "']")).getText();
    }

    private static String lineWith(String text, String start) {
        return text.lines().filter(line -> line.contains(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + start + " in:\n" + text));
    }

    private void goal(String goalId, int year, String kind, String measure, String indicator, String comparator,
                      int value, String unit, String activityId) {
        created(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "%s", "year": %d, "kind": "%s", "measure": %s, "indicator": "%s",
                 "target": {"comparator": "%s", "value": %d, "unit": "%s"}, "activityId": %s,
                 "decision": {"body": "KS"}, "occurredOn": "%d-01-10"}""".formatted(goalId, year, kind, measure,
                indicator, comparator, value, unit, activityId == null ? "null" : "\"" + activityId + "\"", year)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> report, String goalId) {
        return ((List<Map<String, Object>>) report.get("rows")).stream()
                .filter(row -> goalId.equals(row.get("goalId"))).findFirst().orElseThrow();
    }

    private static BigDecimal outcome(Map<String, Object> report, String goalId) {
        Object outcome = row(report, goalId).get("outcome");
        return outcome == null ? null : new BigDecimal(outcome.toString());
    }

    private static void created(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }

    /** A fresh organisation number of a legal person (third digit 2 or more) with a correct Luhn digit. */
    private static String organisationNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("55").append(2 + random.nextInt(8));
        while (digits.length() < 9) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return digits.substring(0, 6) + "-" + digits.substring(6) + (10 - sum % 10) % 10;
    }
}
