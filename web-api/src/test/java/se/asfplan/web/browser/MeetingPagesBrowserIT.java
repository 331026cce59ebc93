package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The meeting pages and forms in a browser: the coordinator records a dialogue forum with two participants chosen
 * from the register by name (a date in the future refused at the field in Swedish first), sees it in the list and on
 * its page, corrects the participants from a form with the current ones ticked, and retracts it. The auditor reads
 * the pages without forms; a committee gets 403.
 */
class MeetingPagesBrowserIT extends BrowserTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String organiser = "Serviceförvaltningen " + suffix;
    private final String plan = "webb-mote-" + suffix;
    private final String kompassen = "Kafé Kompassen " + suffix;
    private final String vaveriet = "Väveriet " + suffix;
    private final String title = "Dialogforum om livsmedel " + suffix;

    @BeforeAll
    void data() {
        assertThat(post(COORDINATOR, "/api/parties", PagesTestData.party("sf-" + suffix, organiser))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Mötesplanen %s", "municipality": "Stockholm",
                 "adoption": {"body": "Kommunfullmäktige"}, "adoptedOn": "2023-01-10",
                 "period": {"fromYear": 2023, "toYear": 2026}}""".formatted(plan, suffix)).getStatusCode().value())
                .isEqualTo(201);
        post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "dialog", "name": "Dialog", "occurredOn": "2023-01-10"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "dialogforum", "areaId": "dialog", "kind": "ACTIVITY",
                 "title": "Dialogforum mellan inköpare och ASF", "responsibility": {"lead": "Serviceförvaltningen"},
                 "occurredOn": "2023-01-11"}""");
        for (String[] enterprise : new String[][] {{"kompassen-" + suffix, kompassen},
                {"vaveriet-" + suffix, vaveriet}}) {
            assertThat(post(COORDINATOR, "/api/enterprises", PagesTestData.enterprise(enterprise[0],
                    PagesTestData.organisationNumber(), enterprise[1])).getStatusCode().value()).isEqualTo(201);
            awaitResource(COORDINATOR, "/api/enterprises/" + enterprise[0], body -> true);
        }
        awaitResource(COORDINATOR, "/api/plans/" + plan, body -> body.toString().contains("dialogforum"));
    }

    @Test
    void aMeetingWithParticipantsIsRecordedCorrectedAndRetractedThroughTheForms() throws Exception {
        signIn(COORDINATOR);
        open("/formular/meeting-record");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("DIALOGUE_FORUM");
        fill(By.id("f-title"), title);
        new Select(browser.findElement(By.id("f-organiser"))).selectByValue(organiser);
        tick(kompassen);
        tick(vaveriet);
        new Select(browser.findElement(By.id("f-carriesOut-planId"))).selectByValue(plan);
        new Select(browser.findElement(By.id("f-carriesOut-activityId"))).selectByValue("dialogforum");
        fill(By.id("f-occurredOn"), "2099-05-20");
        assertAccessible();
        screenshot("meeting-form-record");
        submit();
        assertThat(waitFor(By.id("f-occurredOn-fel")).getText()).contains("Datumet ligger i framtiden");
        assertThat(text(By.id("felsammanfattning"))).contains("Inget registrerades");
        // what was entered stays entered
        assertThat(browser.findElement(By.xpath("//label[normalize-space()='" + kompassen + "']/../input"))
                .isSelected()).isTrue();
        assertAccessible();
        fill(By.id("f-occurredOn"), "2024-05-20");
        submit();
        confirmed();
        assertThat(text(By.tagName("main"))).contains(kompassen).contains(vaveriet).contains("MeetingHeldEvent");

        openUntil("/moten?kind=DIALOGUE_FORUM", text -> text.contains(title));
        WebElement row = browser.findElement(By.xpath("//table[@id='moten']//tr[.//a[normalize-space()='" + title
                + "']]"));
        assertThat(row.getText()).contains("2024-05-20").contains("Dialogforum").contains(organiser)
                .contains("Dialogforum mellan inköpare och ASF");
        assertThat(row.findElement(By.cssSelector("td.num")).getText()).isEqualTo("2");
        assertAccessible();
        screenshot("meetings-coordinator");
        open("/moten?kind=TENDER_SCHOOL");
        assertThat(text(By.tagName("main"))).doesNotContain(title);

        openUntil("/moten?kind=DIALOGUE_FORUM", text -> text.contains(title));
        browser.findElement(By.linkText(title)).click();
        waitFor(By.id("deltagare"));
        String page = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        String meetingId = page.substring("/moten/".length());
        assertThat(text(By.id("deltagare"))).contains(kompassen).contains(vaveriet);
        assertThat(text(By.id("uppgifter"))).contains("Dialogforum").contains(organiser).contains("2024-05-20");
        assertThat(browser.findElement(By.linkText("Historik: alla registrerade händelser för mötet"))
                .getAttribute("href")).endsWith("/granskning/historik/meeting/" + meetingId);
        assertThat(browser.findElement(By.linkText("Dialogforum mellan inköpare och ASF (Mötesplanen " + suffix
                + ")")).getAttribute("href")).endsWith("/planer/" + plan + "/aktiviteter/dialogforum");
        assertAccessible();
        screenshot("meeting-coordinator");

        // the correction form opens with the current participants ticked; Väveriet was not there
        browser.findElement(By.linkText("Rätta vilka som deltog")).click();
        waitFor(By.id("f-reason"));
        assertThat(checkbox(kompassen).isSelected()).isTrue();
        assertThat(checkbox(vaveriet).isSelected()).isTrue();
        assertAccessible();
        tick(vaveriet);
        fill(By.id("f-reason"), "Väveriet anmälde sig men kom inte.");
        fill(By.id("f-occurredOn"), "2024-05-21");
        submit();
        confirmed();
        openUntil(page, text -> text.contains("Deltagarna rättade"));
        assertThat(text(By.id("deltagare"))).contains(kompassen).doesNotContain(vaveriet);
        assertThat(storedEvents(meetingId).stream().map(StoredEvent::simpleType))
                .containsExactly("MeetingHeldEvent", "MeetingParticipantsCorrectedEvent");

        // the auditor reads the list and the meeting, without forms
        signIn(AUDITOR);
        open(page);
        assertThat(text(By.id("deltagare"))).contains(kompassen);
        assertThat(browser.findElements(By.id("formular"))).isEmpty();
        assertAccessible();
        screenshot("meeting-auditor");
        open("/moten");
        assertThat(text(By.tagName("main"))).contains(title);
        assertAccessible();
        screenshot("meetings-auditor");

        // a committee reads no meeting
        signIn(COMMITTEE);
        for (String path : new String[] {"/moten", page}) {
            open(path);
            assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
            assertThat(text(By.tagName("main"))).doesNotContain(title);
        }

        // recorded in error after all: retracted from its page, with the event id carried along
        signIn(COORDINATOR);
        open(page);
        browser.findElement(By.linkText("Återkalla mötet (registrerat fel)")).click();
        waitFor(By.id("f-reason"));
        fill(By.id("f-reason"), "Mötet ställdes in; det registrerades av misstag.");
        assertAccessible();
        submit();
        confirmed();
        openUntil(page, text -> text.contains("Återkallat"));
        assertThat(text(By.id("aterkallat"))).contains("Mötet ställdes in");
        assertThat(browser.findElements(By.id("formular"))).isEmpty();
        assertAccessible();
    }

    private WebElement checkbox(String label) {
        return browser.findElement(By.xpath("//label[normalize-space()='" + label + "']/../input"));
    }

    private void tick(String label) {
        checkbox(label).click();
    }

    private void submit() {
        send();
    }

    private void confirmed() {
        WebElement confirmation = browser.findElements(By.cssSelector(".confirmation")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("refused: " + text(By.tagName("main"))));
        assertThat(confirmation.getText()).contains("Registrerat");
    }

    private void openUntil(String path, Predicate<String> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            open(path);
            try {
                return condition.test(text(By.tagName("main")));
            } catch (NoSuchElementException e) {
                return false;
            }
        });
    }
}
