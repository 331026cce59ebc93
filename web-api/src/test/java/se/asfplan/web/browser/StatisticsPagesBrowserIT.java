package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The statistics page in a browser, for a year no other test records in (2012): the register per district with its
 * levels, the participation figures exactly as the API's report gives them ("&lt;5" for one to four participants),
 * each chart drawn by Chart.js from the same figures as its table; a period that is no date is explained in Swedish.
 */
class StatisticsPagesBrowserIT extends BrowserTest {

    private static final String PERIOD = "fran=2012-01-01&till=2012-12-31";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String district = "Webbstadsdel " + suffix;

    @Test
    void showsTheRegisterAndTheParticipationAsTheReportsCountThemWithChartsAndTables() throws Exception {
        for (int i = 1; i <= 6; i++) {
            assertThat(post(COORDINATOR, "/api/enterprises", """
                    {"enterpriseId": "%s", "name": "Statistik-ASF %d %s", "legalForm": "ENSKILD_FIRMA",
                     "municipality": "Stockholm", "district": "%s",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                                  "independentOfPublicSector": true}, "occurredOn": "2012-02-01"}"""
                    .formatted(enterprise(i), i, suffix, district)).getStatusCode().value()).isEqualTo(201);
        }
        for (int i = 1; i <= 3; i++) {
            ok(enterprise(i) + "/integrationspakten/invitations", "{\"occurredOn\": \"2012-03-01\"}");
        }
        ok(enterprise(1) + "/integrationspakten/membership", "{\"level\": \"plusmedlem\", \"occurredOn\": \"2012-04-01\"}");
        ok(enterprise(2) + "/integrationspakten/membership", "{\"level\": \"jobbpartner\", \"occurredOn\": \"2012-04-02\"}");
        for (int i = 1; i <= 2; i++) {
            ok(enterprise(i) + "/event-participations",
                    "{\"kind\": \"SEMINAR\", \"eventName\": \"Webbseminariet 2012\", \"occurredOn\": \"2012-05-02\"}");
        }
        for (int i = 1; i <= 6; i++) {
            ok(enterprise(i) + "/event-participations",
                    "{\"kind\": \"EVENT\", \"eventName\": \"Webbmässan 2012\", \"occurredOn\": \"2012-09-10\"}");
        }
        Map<String, Object> register = awaitResource(COMMITTEE, "/api/reports/register?from=2012-01-01&to=2012-12-31",
                body -> body.toString().contains(district) && body.toString().contains("members=2"));
        Map<String, Object> participation = awaitResource(COMMITTEE,
                "/api/reports/participation?from=2012-01-01&to=2012-12-31",
                body -> body.toString().contains("participations=6") && body.toString().contains("SEMINAR"));
        assertThat(register).isNotNull();

        for (String user : List.of(COMMITTEE, AUDITOR, COORDINATOR)) {
            signIn(user);
            open("/statistik?" + PERIOD);
            assertThat(text(By.id("period"))).contains("2012-01-01").contains("2012-12-31");
            WebElement districtRow = row("tabell-register", district);
            assertThat(cells(districtRow)).containsExactly(district, "6", "3", "2");
            assertThat(text(By.id("tabell-nivaer"))).contains("Plusmedlem").contains("Jobbpartner");

            // the participation cells exactly as the API's report gives them
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) participation.get("rows");
            assertThat(rows).isNotEmpty();
            for (Map<String, Object> apiRow : rows) {
                String kind = apiRow.get("kind").equals("SEMINAR") ? "Deltagande: Seminarium"
                        : apiRow.get("kind").equals("EVENT") ? "Deltagande: Evenemang" : null;
                if (kind == null) {
                    continue;
                }
                assertThat(cells(row("tabell-deltagande", kind))).containsExactly("2012", kind,
                        String.valueOf(apiRow.get("occasions")), (String) apiRow.get("participations"),
                        (String) apiRow.get("participants"));
            }
            assertThat(cells(row("tabell-deltagande", "Deltagande: Seminarium"))).endsWith("<5", "<5");
            assertThat(cells(row("tabell-deltagande", "Deltagande: Evenemang"))).endsWith("1", "6", "6");

            // the charts: drawn by Chart.js, from the figures the tables show
            JsonNode chart = new ObjectMapper().readTree((String) ((JavascriptExecutor) browser).executeScript(
                    "return document.getElementById('diagram-register').textContent;"));
            int at = -1;
            for (int i = 0; i < chart.get("labels").size(); i++) {
                if (chart.get("labels").get(i).asText().equals(district)) {
                    at = i;
                }
            }
            assertThat(at).isNotNegative();
            assertThat(chart.get("datasets").get(0).get("data").get(at).asInt()).isEqualTo(6);
            assertThat(chart.get("datasets").get(1).get("data").get(at).asInt()).isEqualTo(3);
            assertThat(chart.get("datasets").get(2).get("data").get(at).asInt()).isEqualTo(2);
            Object drawn = ((JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('canvas[data-chart]'))"
                    + ".filter(function (c) { return window.Chart && window.Chart.getChart(c); }).length;");
            assertThat(((Number) drawn).intValue()).isEqualTo(browser.findElements(By.cssSelector(
                    "canvas[data-chart]")).size()).isGreaterThanOrEqualTo(3);
            assertAccessible();
            screenshot("statistics-" + user);
        }

        // a period that is no date: explained, and the page still shows this year's figures
        open("/statistik?fran=den-forsta&till=2012-12-31");
        assertThat(text(By.id("felsammanfattning"))).contains("Från: ange ett datum som åååå-mm-dd");
        assertAccessible();
        // the year links choose a calendar year
        open("/statistik");
        assertThat(browser.findElements(By.cssSelector(".year-links a"))).hasSizeGreaterThanOrEqualTo(5);
        assertAccessible();
    }

    private void ok(String path, String json) {
        assertThat(post(COORDINATOR, "/api/enterprises/" + path, json).getStatusCode().value()).isEqualTo(200);
    }

    private String enterprise(int i) {
        return "webb-statistik-" + suffix + "-" + i;
    }

    private WebElement row(String table, String header) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + header + " in " + text(By.id(table))));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }
}
