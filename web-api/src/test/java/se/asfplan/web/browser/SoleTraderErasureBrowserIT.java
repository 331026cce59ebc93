package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpStatus;

import se.asfplan.domain.shared.PersonalNames;

/**
 * Erasing a closed sole trader's name (gallring) in a browser: the form is linked from the enterprise page only once
 * the sole trader is closed; a blank decision is refused at the field; the erasure is confirmed, and the enterprise
 * page and the register show "[namn raderat]" and a Swedish notice instead of the name, with no link to erase or
 * change it again.
 */
class SoleTraderErasureBrowserIT extends BrowserTest {

    @Test
    void theCoordinatorErasesAClosedSoleTradersNameThroughTheForm() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String enterpriseId = "it-shred-browser-" + suffix;
        String surname = "Gallrasson" + suffix.replaceAll("[^a-z]", "x");
        String name = "Berit " + surname + " Sömnad";
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "name": "%s", "legalForm": "ENSKILD_FIRMA", "municipality": "Stockholm",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2022-01-10"}"""
                .formatted(enterpriseId, name)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        signIn(COORDINATOR);

        // open: the enterprise page offers no erasure
        awaitPage("/foretag/" + enterpriseId, name);
        assertThat(browser.findElements(By.linkText("Radera en enskild firmas namn (gallring)"))).isEmpty();

        assertThat(post(COORDINATOR, "/api/enterprises/" + enterpriseId + "/closure", """
                {"reason": "Verksamheten avvecklad", "occurredOn": "2023-06-30"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitPage("/foretag/" + enterpriseId, "Företaget lades ned");
        browser.findElement(By.linkText("Radera en enskild firmas namn (gallring)")).click();
        assertThat(browser.getCurrentUrl()).contains("/formular/enterprise-name-erasure");
        assertThat(text(By.tagName("main"))).contains("Gallringsbeslut").contains(name);
        assertAccessible();
        screenshot("enterprise-name-erasure-form");

        // a blank decision is refused at its field; nothing is recorded
        fill(By.id("f-reason"), "Gallras enligt dokumenthanteringsplanen, två år efter avslut");
        submit();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("felsammanfattning"))).contains("Inget registrerades");
        assertThat(browser.findElement(By.id("f-gallringDecision")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();

        fill(By.id("f-gallringDecision"), "KS 2024/123");
        fill(By.id("f-reason"), "Gallras enligt dokumenthanteringsplanen, två år efter avslut");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertAccessible();

        // the enterprise page and the register: the marker and a Swedish notice, never the name
        awaitPage("/foretag/" + enterpriseId, PersonalNames.ERASED);
        assertThat(text(By.tagName("h1"))).isEqualTo(PersonalNames.ERASED);
        assertThat(text(By.id("namn-raderat"))).contains("raderat (gallrat)");
        assertThat(text(By.id("uppgifter-historik"))).contains("Namnet raderades (gallringsbeslut KS 2024/123)");
        assertThat(browser.getPageSource()).doesNotContain(surname);
        assertThat(browser.findElements(By.linkText("Radera en enskild firmas namn (gallring)"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Ändra företagets uppgifter"))).isEmpty();
        assertAccessible();
        screenshot("enterprise-name-erased");
        open("/foretag");
        assertThat(browser.getPageSource()).doesNotContain(surname);
        Map<String, Object> view = get(COORDINATOR, "/api/enterprises/" + enterpriseId).getBody();
        assertThat(view).containsEntry("nameErased", true);
    }

    private void awaitPage(String path, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open(path);
            return text(By.tagName("main")).contains(text);
        });
    }

    private void submit() {
        browser.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click();
    }
}
