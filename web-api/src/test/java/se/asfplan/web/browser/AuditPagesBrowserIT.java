package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor's pages in a browser: the auditor opens a plan's history from the search page, follows a retraction
 * link, looks up an event by its position, and filters by who recorded; the coordinator sees "Rätta" at each
 * retractable event, leading to the retraction form; a committee member is refused. Every page passes axe-core.
 */
class AuditPagesBrowserIT extends BrowserTest {

    @Test
    void anAuditorFollowsAHistoryAndLooksUpAnEventTheCoordinatorMayCorrectAndACommitteeIsRefused() throws Exception {
        String plan = "granskning-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Granskningsplanen %s", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan, plan)).getStatusCode().value())
                .isEqualTo(201);
        post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverk", "occurredOn": "2024-01-10"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "traffar", "areaId": "natverk", "kind": "ACTIVITY", "title": "Nätverksträffar",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden"}, "occurredOn": "2024-01-11"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities/traffar/start", "{\"occurredOn\": \"2024-02-01\"}");
        post(COORDINATOR, "/api/plans/" + plan + "/activities/traffar/progress-reports",
                "{\"note\": \"Första träffen hölls\", \"occurredOn\": \"2024-03-01\"}");
        post(COORDINATOR, "/api/plans/" + plan + "/activities/traffar/progress-reports",
                "{\"note\": \"Fel anteckning\", \"occurredOn\": \"2024-03-05\"}");
        List<StoredEvent> stored = storedEvents(plan);
        String wrong = jdbc.queryForObject("select event_identifier from domain_event_entry where aggregate_identifier"
                + " = ? and sequence_number = ?", String.class, plan, stored.get(stored.size() - 1).sequence());
        assertThat(post(COORDINATOR, "/api/plans/" + plan + "/retractions",
                "{\"eventId\": \"%s\", \"reason\": \"Skrevs på fel aktivitet\"}".formatted(wrong))
                .getStatusCode().value()).isEqualTo(200);
        String retraction = jdbc.queryForObject("select event_identifier from domain_event_entry where "
                + "aggregate_identifier = ? and payload_type like '%PlanFactRetractedEvent'", String.class, plan);
        long retractionPosition = jdbc.queryForObject("select global_index from domain_event_entry where "
                + "event_identifier = ?", Long.class, retraction);
        awaitResource(AUDITOR, "/api/plans/" + plan, body -> body.toString().contains("traffar"));

        // the auditor searches the activity's history by kind, plan and id
        signIn(AUDITOR);
        open("/granskning");
        assertThat(text(By.tagName("h1"))).isEqualTo("Granskning");
        assertAccessible();
        screenshot("audit-search-auditor");
        new Select(browser.findElement(By.id("slag"))).selectByValue("activity");
        new Select(browser.findElement(By.id("plan"))).selectByValue(plan);
        fill(By.id("id"), "traffar");
        browser.findElement(By.xpath("//button[text()='Visa historiken']")).click();
        waitFor(By.id("historik"));
        assertThat(browser.getCurrentUrl()).endsWith("/granskning/historik/activity/" + plan + "/traffar");
        String table = text(By.id("historik"));
        assertThat(table).contains("Aktivitet lades till", "Aktiviteten startade", "Lägesrapport för aktiviteten",
                "Uppgift i planen återkallades", "coordinator", "2024-03-05");
        assertThat(browser.findElements(By.cssSelector("a.correction"))).as("an auditor corrects nothing").isEmpty();
        assertAccessible();
        screenshot("audit-history-auditor");

        // the wrong note says it is retracted, and the link leads to the retraction, which names what it retracts
        browser.findElement(By.cssSelector("a.retracted-by")).click();
        waitFor(By.id("uppgifter"));
        assertThat(text(By.tagName("h1"))).contains("Uppgift i planen återkallades")
                .contains(String.valueOf(retractionPosition));
        assertThat(text(By.id("innehall-falt"))).contains("Skrevs på fel aktivitet").contains(wrong);
        assertThat(text(By.id("metadata"))).contains("recordedBy").contains("coordinator");
        assertThat(text(By.id("uppgifter"))).contains(wrong);
        assertAccessible();
        screenshot("audit-event-auditor");

        // filtered by another user, the history is empty; by the coordinator, complete
        open("/granskning/historik/plan/" + plan + "?aktivitet=traffar&anvandare=auditor");
        assertThat(text(By.id("antal"))).startsWith("0 av 5");
        open("/granskning/historik/plan/" + plan + "?aktivitet=traffar&anvandare=coordinator&fran=2020-01-01");
        assertThat(text(By.id("antal"))).startsWith("5 av 5");
        open("/granskning/historik/plan/" + plan + "?fran=igår");
        assertThat(text(By.id("filterfel"))).contains("Skriv ett datum som 2024-03-31");
        assertAccessible();

        // a plan chosen from the list opens its history without an id typed
        open("/granskning");
        new Select(browser.findElement(By.id("plan"))).selectByValue(plan);
        browser.findElement(By.xpath("//button[text()='Visa historiken']")).click();
        waitFor(By.id("historik"));
        assertThat(browser.getCurrentUrl()).endsWith("/granskning/historik/plan/" + plan);
        assertThat(text(By.id("antal"))).startsWith("7 av 7");

        // an event looked up by its position
        open("/granskning");
        fill(By.id("handelse"), String.valueOf(retractionPosition));
        browser.findElement(By.xpath("//button[text()='Visa händelsen']")).click();
        waitFor(By.id("uppgifter"));
        assertThat(browser.getCurrentUrl()).endsWith("/granskning/handelser/" + retraction);
        WebElement recordLink = browser.findElement(By.id("postens-historik"));
        assertThat(recordLink.getAttribute("href")).endsWith("/granskning/historik/activity/" + plan + "/traffar");
        open("/granskning");
        fill(By.id("handelse"), UUID.randomUUID().toString());
        browser.findElement(By.xpath("//button[text()='Visa händelsen']")).click();
        assertThat(waitFor(By.id("handelse-fel")).getText()).startsWith("Ingen händelse har position eller id");
        assertAccessible();

        // the coordinator sees "Rätta" at the retractable events not yet retracted, leading to the retraction form
        signIn(COORDINATOR);
        open("/granskning/historik/plan/" + plan);
        waitFor(By.id("historik"));
        List<WebElement> corrections = browser.findElements(By.cssSelector("a.correction"));
        assertThat(corrections).hasSize(2); // the start and the first note; the wrong note is already retracted
        assertThat(corrections).allSatisfy(link -> assertThat(link.getAttribute("href"))
                .contains("/formular/plan-retraction?planId=" + plan + "&eventId="));
        assertThat(corrections).noneSatisfy(link -> assertThat(link.getAttribute("href")).contains(wrong));
        assertAccessible();
        screenshot("audit-history-coordinator");
        open("/granskning/handelser/" + retractionPosition);
        waitFor(By.id("uppgifter"));
        assertAccessible();
        open("/granskning");
        assertAccessible();

        // a committee member may not
        signIn(COMMITTEE);
        open("/granskning/historik/plan/" + plan);
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
        assertThat(browser.getPageSource()).doesNotContain("Lägesrapport för aktiviteten");
        open("/granskning");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
    }
}
