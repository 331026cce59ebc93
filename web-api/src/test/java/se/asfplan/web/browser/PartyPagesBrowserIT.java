package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The register of parties in a browser: the coordinator registers a party, records another name for it and changes
 * its details through the forms; a second registration of the same id with other details is refused at the field;
 * every role reads the list and the party.
 */
class PartyPagesBrowserIT extends BrowserTest {

    @Test
    void theCoordinatorRegistersAPartyGivesItAnotherNameAndRenamesIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String partyId = "webbnamnden-" + suffix;
        String name = "Webbnämnden " + suffix;
        signIn(COORDINATOR);
        open("/formular/party-register");
        assertAccessible();
        fill(By.id("f-partyId"), partyId);
        fill(By.id("f-name"), name);
        fill(By.id("f-abbreviation"), "WN" + suffix.substring(0, 4));
        new Select(browser.findElement(By.id("f-kind"))).selectByVisibleText("Nämnd");
        fill(By.id("f-municipality"), "Webbkommun");
        fill(By.id("f-occurredOn"), "2024-01-10");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        // the same id again with other details is refused, at the id
        open("/formular/party-register");
        fill(By.id("f-partyId"), partyId);
        fill(By.id("f-name"), "En helt annan nämnd " + suffix);
        new Select(browser.findElement(By.id("f-kind"))).selectByVisibleText("Förvaltning");
        submit();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("felsammanfattning"))).contains("Inget registrerades");
        assertThat(text(By.id("f-partyId-fel"))).isNotBlank();
        assertAccessible();
        screenshot("party-register-refused");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open("/parter?q=" + suffix);
            return !browser.findElements(By.linkText(name)).isEmpty();
        });
        assertThat(text(By.id("parter"))).contains("Nämnd").contains("Webbkommun");
        assertAccessible();
        screenshot("parties-coordinator");
        browser.findElement(By.linkText(name)).click();
        assertThat(text(By.tagName("h1"))).isEqualTo(name);
        assertThat(text(By.id("uppgifter"))).contains("Nämnd").contains("Webbkommun").contains("2024-01-10");

        browser.findElement(By.linkText("Registrera ett annat namn för parten")).click();
        assertThat(text(By.cssSelector("main .record-facts"))).contains(name);
        fill(By.id("f-name"), "Nämnden för webbfrågor " + suffix);
        fill(By.id("f-reason"), "Så skrevs nämnden i äldre upphandlingar");
        fill(By.id("f-occurredOn"), "2024-02-01");
        assertAccessible();
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        awaitPage("/parter/" + partyId, "Nämnden för webbfrågor " + suffix);

        browser.findElement(By.linkText("Ändra partens uppgifter")).click();
        assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo(name);
        assertThat(new Select(browser.findElement(By.id("f-kind"))).getFirstSelectedOption().getText())
                .isEqualTo("Nämnd");
        fill(By.id("f-name"), "Digitaliseringsnämnden " + suffix);
        fill(By.id("f-reason"), "Nämnden bytte namn vid omorganisationen");
        fill(By.id("f-occurredOn"), "2024-03-01");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        awaitPage("/parter/" + partyId, "Digitaliseringsnämnden " + suffix);
        assertThat(text(By.tagName("h1"))).isEqualTo("Digitaliseringsnämnden " + suffix);
        assertThat(text(By.id("namn"))).contains(name).contains("Nämnden för webbfrågor " + suffix)
                .contains("Digitaliseringsnämnden " + suffix);
        assertAccessible();
        screenshot("party-coordinator");

        for (String user : List.of(AUDITOR, COMMITTEE)) {
            signIn(user);
            open("/parter?q=" + suffix);
            assertThat(text(By.id("parter"))).contains("Digitaliseringsnämnden " + suffix);
            assertThat(browser.findElements(By.linkText("Registrera en ny part"))).isEmpty();
            assertAccessible();
            open("/parter/" + partyId);
            assertThat(text(By.id("namn"))).contains(name);
            assertThat(browser.findElements(By.linkText("Ändra partens uppgifter"))).isEmpty();
            assertAccessible();
            screenshot("party-" + user);
        }
        open("/parter/finns-inte-" + suffix);
        assertThat(text(By.tagName("main"))).contains("Det finns ingen registrerad part med id");
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
}
