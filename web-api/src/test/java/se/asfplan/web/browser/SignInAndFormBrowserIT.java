package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages' frame in a browser: signing in (and a wrong password), the start page with the plans, a command
 * form sent through the API (recorded once, by the signed-in user, via the web) and refused in Swedish at the field.
 */
class SignInAndFormBrowserIT extends BrowserTest {

    @Test
    void aWrongPasswordIsRefusedInSwedish() throws Exception {
        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/logga-in");
        browser.findElement(By.id("username")).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("fel-lösenord");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitFor(By.id("fel")).getText()).contains("Inloggningen misslyckades");
        assertAccessible();
        screenshot("sign-in-refused");
    }

    @Test
    void theStartPageListsThePlansForEveryRole() throws Exception {
        for (String user : List.of(COORDINATOR, AUDITOR, COMMITTEE)) {
            signIn(user);
            open("/");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
            assertThat(text(By.tagName("main"))).contains("Handlingsplaner");
            assertAccessible();
            screenshot("start-" + user);
        }
        open("/tillganglighet");
        assertThat(text(By.tagName("h1"))).isEqualTo("Tillgänglighetsredogörelse");
        assertAccessible();
    }

    @Test
    void aFormRecordsThroughTheApiOnceAndRefusesInSwedishAtTheField() throws Exception {
        String plan = "webb-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Webbplanen", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan)).getStatusCode().value())
                .isEqualTo(201);
        post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverk", "occurredOn": "2024-01-10"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "traffar", "areaId": "natverk", "kind": "ACTIVITY", "title": "Nätverksträffar",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden"}, "occurredOn": "2024-01-11"}""");
        awaitResource(COORDINATOR, "/api/plans/" + plan, body -> body.get("areas").toString().contains("traffar"));

        signIn(COORDINATOR);
        // opened without its record: the plan, then the activity, are chosen from lists
        open("/formular/activity-start");
        new Select(browser.findElement(By.id("v-planId"))).selectByValue(plan);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new Select(waitFor(By.id("v-activityId"))).selectByVisibleText("Nätverksträffar");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("f-occurredOn"));
        assertAccessible();
        screenshot("form-activity-start");

        // a date after today is refused by the API's rule; the Swedish message stands at the field
        fill(By.id("f-occurredOn"), "2099-01-01");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("felsammanfattning"))).contains("Inget registrerades");
        System.out.println("refused: " + text(By.id("felsammanfattning")));
        assertThat(text(By.id("f-occurredOn-fel"))).contains("Datumet ligger i framtiden");
        assertAccessible();
        screenshot("form-refused");
        assertThat(storedEvents(plan).stream().filter(event -> event.simpleType().equals("ActivityStartedEvent")))
                .isEmpty();

        fill(By.id("f-occurredOn"), "2024-02-01");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertThat(text(By.tagName("main"))).contains("ActivityStartedEvent").contains("2024-02-01");
        assertAccessible();
        screenshot("form-recorded");

        // the same form sent three times, one after the other (a reload, a second click: the same key), records once
        open("/formular/activity-progress?planId=" + plan + "&activityId=traffar");
        fill(By.id("f-note"), "Två träffar hållna");
        fill(By.id("f-occurredOn"), "2024-03-01");
        Object statuses = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "var form = document.querySelector('main form[method=post]');"
                + "var send = function () { return fetch(form.action, {method: 'POST',"
                + "  body: new URLSearchParams(new FormData(form))}).then(function (r) { return r.status; }); };"
                + "send().then(function (a) { send().then(function (b) { send().then(function (c) {"
                + "  done([a, b, c]); }); }); });");
        assertThat(statuses.toString()).isEqualTo("[200, 200, 200]");
        assertThat(storedEvents(plan).stream()
                .filter(event -> event.simpleType().equals("ActivityProgressReportedEvent"))).hasSize(1);
        List<StoredEvent> started = storedEvents(plan).stream()
                .filter(event -> event.simpleType().equals("ActivityStartedEvent")).toList();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).metaData()).contains("\"recordedBy\":\"coordinator\"")
                .contains("\"recordedVia\":\"web\"");
    }

    @Test
    void committeesAndAuditorsGetNoForms() {
        signIn(COMMITTEE);
        open("/formular/activity-start");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
        signIn(AUDITOR);
        open("/formular");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
    }
}
