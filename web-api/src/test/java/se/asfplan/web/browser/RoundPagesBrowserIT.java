package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A small follow-up round in a browser: the coordinator opens it through the form (two activities, two reporting
 * parties), sees who has not reported and the reminders, records one assessment through the form (the other over
 * the API), approves and closes through the forms; the committee reads the presented report, downloads it as JSON
 * (byte for byte with the checksum shown), CSV and PDF (Swedish headings), and reads the comparison. Every page is
 * checked with axe-core.
 */
class RoundPagesBrowserIT extends BrowserTest {

    @Test
    void aSmallRoundIsOpenedReportedClosedAndItsReportReadAndDownloaded() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String plan = "rundplan-" + suffix;
        String round = "tertial-" + suffix;
        created(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Omgångsplanen %s", "municipality": "Omgångskommun",
                 "adoption": {"body": "KS"}, "adoptedOn": "2022-01-10",
                 "period": {"fromYear": 2022, "toYear": 2024}}""".formatted(plan, suffix)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverkande", "occurredOn": "2022-01-10"}"""));
        for (String[] activity : List.of(new String[]{"dialog", "Företagsdialoger med ASF", "Näringslivsnämnden"},
                new String[]{"skola", "Anbudsskola för ASF", "Servicenämnden"})) {
            created(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                    {"activityId": "%s", "areaId": "natverk", "kind": "ACTIVITY", "title": "%s",
                     "responsibility": {"lead": "%s"}, "timeline": {"fromYear": 2022, "toYear": 2023},
                     "occurredOn": "2022-01-10"}""".formatted(activity[0], activity[1], activity[2])));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> get(COORDINATOR, "/api/plans/" + plan)
                .getBody().toString().contains("Anbudsskola för ASF"));

        signIn(COORDINATOR);
        open("/planer/" + plan + "/omgangar");
        assertThat(text(By.tagName("main"))).contains("Planen har inga uppföljningsomgångar ännu.");
        assertAccessible();
        browser.findElement(By.id("oppna-omgang")).click();
        waitFor(By.id("f-name"));
        fill(By.id("f-name"), "Tertial 2 2023");
        new Select(browser.findElement(By.id("f-kind"))).selectByVisibleText("Tertialuppföljning");
        fill(By.id("f-cutOffDate"), "2023-08-31");
        fill(By.id("f-deadline"), "2023-09-15");
        browser.findElement(By.xpath("//label[contains(., 'Aktivitet: Företagsdialoger med ASF')]")).click();
        browser.findElement(By.xpath("//label[contains(., 'Aktivitet: Anbudsskola för ASF')]")).click();
        fill(By.id("f-occurredOn"), "2023-08-20");
        assertAccessible();
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        String roundId = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> getList(COMMITTEE,
                "/api/plans/" + plan + "/rounds").getBody().stream()
                .map(status -> (String) ((Map<?, ?>) status.get("round")).get("roundId")).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(roundId).startsWith("tertial-2023-08-31");

        awaitPage("/planer/" + plan + "/omgangar/" + roundId, "Näringslivsnämnden");
        assertThat(text(By.id("ej-rapporterat"))).contains("Företagsdialoger med ASF").contains("Anbudsskola för ASF");
        assertThat(text(By.id("forsenat"))).contains("Servicenämnden");
        assertThat(text(By.id("paminnelser"))).contains("Försenad bedömning: Tertial 2 2023");
        assertAccessible();
        screenshot("round-open");

        browser.findElement(By.id("registrera-bedomning")).click();
        new Select(waitFor(By.id("f-subject"))).selectByVisibleText("Näringslivsnämnden: Företagsdialoger med ASF");
        new Select(browser.findElement(By.id("f-reporter"))).selectByVisibleText("Näringslivsnämnden");
        new Select(browser.findElement(By.id("f-status"))).selectByVisibleText("Delvis enligt plan");
        fill(By.id("f-comment"), "Två dialoger hölls, en tredje är planerad");
        fill(By.id("f-occurredOn"), "2023-09-10");
        assertAccessible();
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        ok(post(COORDINATOR, "/api/plans/" + plan + "/rounds/" + roundId + "/assessments", """
                {"subject": "activity:skola", "reporter": "Servicenämnden", "status": "ON_TRACK",
                 "comment": "Skolan hölls i maj", "occurredOn": "2023-09-12"}"""));
        awaitPage("/planer/" + plan + "/omgangar/" + roundId, "Skolan hölls i maj");
        assertThat(text(By.id("vantar-pa-granskning"))).contains("Företagsdialoger med ASF");

        int approved = 0;
        for (String subject : List.of("Näringslivsnämnden: Företagsdialoger med ASF",
                "Servicenämnden: Anbudsskola för ASF")) {
            open("/formular/round-approval?planId=" + plan + "&roundId=" + roundId);
            new Select(waitFor(By.id("f-subject"))).selectByVisibleText(subject);
            submit();
            assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
            int expected = ++approved;
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> get(COORDINATOR, "/api/plans/" + plan
                    + "/rounds/" + roundId).getBody().toString().split("state=APPROVED", -1).length - 1 == expected);
        }
        open("/formular/round-closing?planId=" + plan + "&roundId=" + roundId);
        assertAccessible();
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        signIn(COMMITTEE);
        awaitPage("/planer/" + plan + "/omgangar/" + roundId, "Stängd");
        assertThat(browser.findElements(By.id("registrera-bedomning"))).isEmpty();
        assertThat(browser.findElements(By.id("till-historik"))).as("the round's history is the auditors' page").isEmpty();
        assertAccessible();
        browser.findElement(By.id("fastslagen-rapport")).click();
        String checksum = waitFor(By.id("kontrollsumma")).getText().strip();
        assertThat(text(By.id("rapport-bedomningar"))).contains("Två dialoger hölls, en tredje är planerad")
                .contains("Godkänd").contains("Delvis enligt plan");
        assertAccessible();
        screenshot("round-report");

        byte[] json = download(browser.findElement(By.id("ladda-ner-json")).getAttribute("href"),
                "application/json");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json))).isEqualTo(checksum);
        String csv = new String(download(browser.findElement(By.id("ladda-ner-csv")).getAttribute("href"),
                "text/csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("Del;Id;Benämning;Rapportör;Tillstånd;Bedömning");
        byte[] pdf = download(browser.findElement(By.id("ladda-ner-pdf")).getAttribute("href"), "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Bedömningar").contains("Kontrollsumma (SHA-256)").contains("Anbudsskola för ASF");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv-SE");
        }

        browser.findElement(By.id("till-jamforelse")).click();
        assertThat(waitFor(By.id("sammanfattning")).getText()).contains("Inget har ändrats");
        assertAccessible();
        screenshot("round-comparison");
        open("/planer/" + plan + "/omgangar");
        assertThat(text(By.id("omgangar"))).contains("Tertial 2 2023").contains("Stängd");
        assertAccessible();

        // an auditor follows the round's page to its history: who opened, assessed, approved and closed it, and when
        signIn(AUDITOR);
        awaitPage("/planer/" + plan + "/omgangar/" + roundId, "Stängd");
        WebElement historyLink = browser.findElement(By.id("till-historik"));
        historyLink.click();
        awaitGone(historyLink);
        assertThat(waitFor(By.id("historik")).getText()).contains("Uppföljningsomgången öppnades")
                .contains("Bedömning registrerades").contains("Bedömningen godkändes")
                .contains("Uppföljningsomgången stängdes och rapporten fastställdes").contains(COORDINATOR);
        assertThat(text(By.tagName("h1"))).contains(roundId);
        assertAccessible();
        screenshot("round-history");
    }

    private void submit() {
        browser.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click();
    }

    private void awaitPage(String path, String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open(path);
            return text(By.tagName("main")).contains(expected);
        });
    }

    private static void created(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }

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
}
