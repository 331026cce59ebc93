package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11's "done when", as a newcomer would go: the coordinator signs in, opens the Stockholm plan and its goal
 * dashboard with charts, sets a goal for Integrationspakten members, registers an ASF, invites it and records its
 * membership through the forms, and sees the dashboard's outcome rise by one; the committee then downloads the year's
 * PDF report, which holds the goal's row.
 */
@org.springframework.test.context.TestPropertySource(properties = {
        // as the README's run command starts it: the Stockholm plan imported at start, in a database of its own
        "tracker.plans.import-on-start=classpath:plans/stockholm-asf-2021.yaml",
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_day",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_day"})
class CoordinatorsDayBrowserIT extends BrowserTest {

    private static final String PLAN = "stockholm-asf-2021";

    @Test
    void aCoordinatorRecordsAMembershipThroughTheFormsAndTheCommitteeDownloadsThePdf() throws Exception {
        stockholmPlanIsImported();
        String goal = "ip-medlemmar-2024-" + UUID.randomUUID().toString().substring(0, 6);
        String indicator = "ASF som är medlemmar i Integrationspakten " + goal.substring(goal.length() - 6);

        signIn(COORDINATOR);
        open("/");
        browser.findElement(By.cssSelector("a[href='/planer/" + PLAN + "']")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).contains("arbetsintegrerande sociala företag");
        screenshot("day-plan");

        // a yearly goal for 2024, set through its form
        open("/formular/goal-set?planId=" + PLAN);
        fill(By.id("f-goalId"), goal);
        fill(By.id("f-year"), "2024");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("COUNT");
        fill(By.id("f-indicator"), indicator);
        new Select(browser.findElement(By.id("f-measure"))).selectByValue("INTEGRATIONSPAKTEN_ASF_MEMBERS");
        new Select(browser.findElement(By.id("f-target-comparator"))).selectByValue("AT_LEAST");
        fill(By.id("f-target-value"), "5");
        fill(By.id("f-target-unit"), "st");
        fill(By.id("f-decision-body"), "Kommunstyrelsen");
        fill(By.id("f-occurredOn"), "2024-01-15");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        long before = outcome(goal, -1);
        assertThat(browser.findElements(By.id("stapeldiagram"))).isNotEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return window.Chart && Chart.getChart(document.getElementById('stapeldiagram')) ? 'drawn' : 'no';"))
                .isEqualTo("drawn");
        assertAccessible();
        screenshot("day-dashboard-before");

        // an ASF registered in Stockholm, invited to Integrationspakten and joining it, all through the forms
        String name = "Webbkooperativet " + goal.substring(goal.length() - 6) + " ek. för.";
        open("/formular/enterprise-register");
        fill(By.id("f-organisationNumber"), organisationNumber());
        fill(By.id("f-name"), name);
        new Select(browser.findElement(By.id("f-legalForm"))).selectByValue("EKONOMISK_FORENING");
        fill(By.id("f-municipality"), "Stockholms stad");
        for (WebElement criterion : browser.findElements(By.cssSelector("input[type=checkbox][name^='criteria.']"))) {
            if (!criterion.isSelected()) {
                criterion.click();
            }
        }
        fill(By.id("f-occurredOn"), "2024-01-20");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        browser.findElement(By.linkText("Till posten")).click();
        Matcher enterprise = Pattern.compile("/foretag/([^/?#]+)").matcher(new WebDriverWait(browser,
                Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().contains("/foretag/")
                ? driver.getCurrentUrl() : null));
        assertThat(enterprise.find()).isTrue();
        String enterpriseId = enterprise.group(1);

        open("/formular/enterprise-integrationspakten-invitation?enterpriseId=" + enterpriseId);
        fill(By.id("f-occurredOn"), "2024-02-01");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        open("/formular/enterprise-integrationspakten-membership?enterpriseId=" + enterpriseId);
        new Select(browser.findElement(By.id("f-level"))).selectByValue("member");
        fill(By.id("f-occurredOn"), "2024-03-01");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        screenshot("day-membership-recorded");

        long after = outcome(goal, before + 1);
        assertThat(after).isEqualTo(before + 1);
        screenshot("day-dashboard-after");

        // the committee downloads the year's report as PDF, with the goal's row in it
        signIn(COMMITTEE);
        open("/planer/" + PLAN + "/rapport/2024");
        assertThat(text(By.tagName("main"))).contains(indicator);
        assertAccessible();
        byte[] pdf = download("/planer/" + PLAN + "/rapport/2024.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("ASF som är medlemmar i Integrationspakten").contains(goal.substring(
                    goal.length() - 6));
        }
    }

    private void submit() {
        send();
    }

    /** The goal's 2024 outcome on the dashboard, once it is shown (and equals {@code expected}, when given). */
    private long outcome(String goal, long expected) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500))
                .until(driver -> {
                    open("/planer/" + PLAN + "/mal?ar=2024");
                    List<WebElement> rows = driver.findElements(By.cssSelector(
                            "#arsmal-tabell tr[data-goal='" + goal + "'] td.num"));
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Matcher number = Pattern.compile("\\d+").matcher(rows.get(0).getText());
                    long value = number.find() ? Long.parseLong(number.group()) : 0;
                    return expected < 0 || value == expected ? value : null;
                });
    }

    private byte[] download(String path) {
        List<?> result = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                  return r.arrayBuffer().then(function (b) {
                    var bytes = new Uint8Array(b), s = '';
                    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                    done([r.status, r.headers.get('Content-Type'), btoa(s)]);
                  });
                }).catch(function (e) { done(['failed', String(e), '']); });""", path);
        assertThat(result.get(0).toString()).as(path + ": " + result.get(1)).isEqualTo("200");
        assertThat(result.get(1).toString()).startsWith("application/pdf");
        return Base64.getDecoder().decode(result.get(2).toString());
    }

    /** The plan the service imported at start, once the plan view has it. */
    private void stockholmPlanIsImported() {
        awaitResource(COORDINATOR, "/api/plans/" + PLAN, body -> body.get("areas") != null, Duration.ofSeconds(60));
    }

    /**
     * A valid organisation number nobody else has: 559 (a limited company's series; a third digit of 2 or more is what
     * tells an organisation number from a personal identity number), six random digits and the Luhn check digit.
     */
    private static String organisationNumber() {
        String digits = "559" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return digits.substring(0, 6) + "-" + digits.substring(6) + (10 - sum % 10) % 10;
    }
}
