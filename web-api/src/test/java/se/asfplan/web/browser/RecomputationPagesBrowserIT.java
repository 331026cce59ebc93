package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The recomputation page in a browser: the auditor starts a recomputation, follows it with "Uppdatera" until it
 * is equal, then, with a plan's live row changed directly in SQL, starts another and reads the difference in its
 * table; a committee member is refused. Every page passes axe-core.
 */
class RecomputationPagesBrowserIT extends BrowserTest {

    @Test
    void anAuditorStartsARecomputationFollowsItAndReadsTheDifferencesACommitteeIsRefused() throws Exception {
        String plan = "omrakning-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Omräkningsplanen", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan)).getStatusCode().value())
                .isEqualTo(201);
        awaitResource(AUDITOR, "/api/plans/" + plan, body -> body.toString().contains("Omräkningsplanen"));

        signIn(AUDITOR);
        open("/granskning/omrakning");
        assertThat(text(By.tagName("h1"))).isEqualTo("Omräkning av läsmodellerna");
        assertAccessible();
        screenshot("recomputation-start-auditor");
        browser.findElement(By.id("starta")).click();
        waitFor(By.id("lasmodeller"));
        assertThat(browser.getCurrentUrl()).matches(".*/granskning/omrakning/\\d+");
        assertThat(text(By.id("lasmodeller"))).contains("plan-view", "goal-report", "statistics");
        assertAccessible();
        awaitOutcome("Lika");
        assertThat(text(By.id("lasmodell-plan-view"))).contains("Lika");
        assertAccessible();
        screenshot("recomputation-equal-auditor");

        int generation = jdbc.queryForObject(
                "select active_generation from projection_generation where processing_group = 'plan-view'",
                Integer.class);
        jdbc.update("update plan_view set title = 'Ändrad i databasen' where generation = ? and plan_id = ?",
                generation, plan);
        try {
            open("/granskning/omrakning");
            browser.findElement(By.id("starta")).click();
            waitFor(By.id("lasmodeller"));
            awaitOutcome("Skillnader");
            String differences = text(By.id("skillnader-plan-view"));
            assertThat(differences).contains("plan_view", "plan_id=" + plan, "title", "Ändrad i databasen",
                    "Omräkningsplanen");
            assertAccessible();
            screenshot("recomputation-different-auditor");
            open("/granskning/omrakning");
            assertThat(text(By.id("omrakningar"))).contains("Lika", "Skillnader");
            assertAccessible();
        } finally {
            jdbc.update("update plan_view set title = 'Omräkningsplanen' where generation = ? and plan_id = ?",
                    generation, plan);
        }

        signIn(COMMITTEE);
        open("/granskning/omrakning");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
    }

    /** Follows "Uppdatera" until the outcome is the expected one. */
    private void awaitOutcome(String outcome) {
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!browser.findElements(By.id("uppdatera")).isEmpty()) {
                browser.findElement(By.id("uppdatera")).click();
                waitFor(By.id("resultat"));
            }
            return text(By.id("resultat")).startsWith(outcome);
        });
    }
}
