package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The operations page for coordinator and auditor, and a retry of parked events through its form. */
class OperationsBrowserIT extends BrowserTest {

    @Test
    void coordinatorsAndAuditorsSeeTheReadModelsAndTheCoordinatorRetriesParkedEvents() throws Exception {
        signIn(AUDITOR);
        open("/drift");
        assertThat(text(By.tagName("h1"))).isEqualTo("Drift: läsmodellerna");
        assertThat(text(By.tagName("main"))).contains("plan-view").contains("goal-report");
        assertAccessible();
        screenshot("operations-auditor");

        signIn(COORDINATOR);
        open("/drift");
        assertAccessible();
        browser.findElement(By.linkText("Försök igen med parkerade händelser")).click();
        new Select(waitFor(By.id("v-group"))).selectByValue("meetings");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("main form[method=post] button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertThat(text(By.tagName("main"))).contains("meetings");
        assertAccessible();

        signIn(COMMITTEE);
        open("/drift");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
    }
}
