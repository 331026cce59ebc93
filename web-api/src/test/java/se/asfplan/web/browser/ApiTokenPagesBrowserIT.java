package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * API tokens in the browser: the coordinator creates one through its form from {@code /drift/nycklar}, sees the
 * token once on the answer page (it signs in on the API), finds it listed without the secret, and revokes it from
 * its row; the auditor reads the list without the links; a committee may not open it. Every page passes axe-core.
 */
class ApiTokenPagesBrowserIT extends BrowserTest {

    private final String name = "Integration " + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theCoordinatorCreatesSeesOnceAndRevokesATokenTheAuditorReadsTheList() throws Exception {
        signIn(COORDINATOR);
        open("/drift");
        browser.findElement(By.id("till-nycklar")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("API-nycklar för integrationer");
        assertAccessible();

        browser.findElement(By.id("skapa-nyckel")).click();
        fill(By.id("f-name"), name);
        new Select(waitFor(By.id("f-role"))).selectByValue("AUDITOR");
        assertAccessible();
        send();
        assertThat(text(By.cssSelector(".confirmation"))).contains("Registrerat");
        String token = text(By.id("ny-nyckel"));
        assertThat(token).startsWith("asf_");
        assertAccessible();
        screenshot("api-token-created");

        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(token);
        assertThat(http.exchange("/api/history/plan/stockholm-asf-2021", HttpMethod.GET, new HttpEntity<>(bearer),
                String.class).getStatusCode()).as("the auditor's token reads the history").isNotIn(
                HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);

        open("/drift/nycklar");
        String list = text(By.id("nycklar"));
        assertThat(list).contains(name, "Revisor", "Gäller").doesNotContain(token);
        browser.findElement(By.linkText("Återkalla " + name)).click();
        assertAccessible();
        send();
        assertThat(text(By.cssSelector(".confirmation"))).contains("Registrerat");
        assertThat(http.exchange("/api/plans", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        signIn(AUDITOR);
        open("/drift/nycklar");
        assertThat(text(By.id("nycklar"))).contains(name, "Återkallad");
        assertThat(browser.findElements(By.id("skapa-nyckel"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Återkalla " + name))).isEmpty();
        assertAccessible();
        screenshot("api-tokens-auditor");

        signIn(COMMITTEE);
        open("/drift/nycklar");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
    }
}
