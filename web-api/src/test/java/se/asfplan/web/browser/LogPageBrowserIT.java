package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The log page in a browser: the auditor finds it from Granskning, is told in Swedish at the field when a checkpoint
 * is not one, starts a verification against the latest signed checkpoint, follows it until it has passed, and finds
 * the downloads; a committee member is refused. Every state of the page passes axe-core.
 */
class LogPageBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    se.asfplan.infra.chain.EventChainCheckpoints checkpoints;

    @Test
    void anAuditorVerifiesTheLogAgainstACheckpointAndACommitteeIsRefused() throws Exception {
        String plan = "logg-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Loggplanen %s", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan, plan)).getStatusCode().value())
                .isEqualTo(201);
        var checkpoint = checkpoints.checkpointIfDue(true).or(checkpoints::last).orElseThrow();

        signIn(AUDITOR);
        open("/granskning");
        browser.findElement(By.id("loggens-akthet")).click();
        waitFor(By.id("huvud"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Loggens äkthet");
        assertThat(text(By.id("hamta"))).contains("Kontrollpunkterna", "Den publika nyckeln", "Hela loggen",
                "Historik för varje post av slaget plan (CSV)");
        assertAccessible();
        screenshot("log-page-auditor");

        fill(By.id("position"), "tolv");
        fill(By.id("huvud"), "inte-en-kontrollsumma");
        browser.findElement(By.xpath("//button[text()='Starta kontrollen']")).click();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("felsammanfattning"))).contains("Kontrollen startades inte",
                "Positionen ska vara ett heltal", "Huvudet ska vara 64 hexadecimala tecken");
        assertThat(browser.findElement(By.id("huvud")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();
        screenshot("log-page-refused");

        fill(By.id("position"), String.valueOf(checkpoint.position()));
        fill(By.id("huvud"), checkpoint.head());
        browser.findElement(By.xpath("//button[text()='Starta kontrollen']")).click();
        waitFor(By.id("kontroll-status"));
        assertThat(browser.getCurrentUrl()).contains("/granskning/logg?kontroll=");
        String shown = browser.getCurrentUrl();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.get(shown);
            return !text(By.id("kontroll-status")).startsWith("Pågår")
                    && !text(By.id("kontroll-status")).startsWith("I kö");
        });
        assertThat(text(By.id("kontroll-status"))).isEqualTo("Godkänd: inga brott i kedjan");
        assertThat(text(By.id("kontroll"))).contains("Din kontrollpunkt", "position " + checkpoint.position()
                + ": stämmer", "Kedjans huvud");
        assertThat(text(By.id("kontroller"))).contains("auditor", "Godkänd");
        assertAccessible();
        screenshot("log-page-passed");

        signIn(COMMITTEE);
        open("/granskning/logg");
        assertThat(browser.getPageSource()).doesNotContain("Starta kontrollen");
    }
}
